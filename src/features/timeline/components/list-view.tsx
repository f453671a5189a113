// The draft as a table of entries: the exact-edit and screen-reader alternative to the
// timeline, on the same store, so both always show the same draft.
import { memo } from "react";
import { Button } from "../../../components/button";
import { runCommand } from "../commands/registry";
import { useCommandUi } from "../commands/use-commands";
import { TimeField } from "../../../components/time-field";
import { formatSeconds } from "../../../contract/format";
import { usePromptHistory } from "../hooks/use-prompt-history-keys";
import { useTimelineCheck } from "../hooks/use-timeline-check";
import type { EntryKind } from "../model/timeline";
import { locateEntry } from "../model/operations";
import { useDraftActions, useDraftStore, useDraftStoreApi } from "../store/use-draft-store";
import { entryNoun } from "./drag-data";

interface Row {
  id: string;
  kind: EntryKind;
  ms: number;
  prompt: string | null;
  image: string | undefined;
  stream: number;
}

export function ListView() {
  const clips = useDraftStore((s) => s.timeline.clips);
  const selection = useDraftStore((s) => s.selection);
  const { problems } = useTimelineCheck();
  const problemsById = new Map<string, string>();
  for (const p of problems) if (p.entryId) problemsById.set(p.entryId, p.message);

  const rows: Row[] = [];
  clips.forEach((clip, index) => {
    const stream = index + 1;
    rows.push({
      id: clip.start.id,
      kind: "start",
      ms: clip.start.timestampMs,
      prompt: clip.start.prompt,
      image: clip.start.image,
      stream,
    });
    for (const i of clip.interactions)
      rows.push({
        id: i.id,
        kind: "interact",
        ms: i.timestampMs,
        prompt: i.prompt,
        image: undefined,
        stream,
      });
    rows.push({
      id: clip.end.id,
      kind: "end",
      ms: clip.end.timestampMs,
      prompt: null,
      image: undefined,
      stream,
    });
  });

  return (
    <section
      aria-label="Entries"
      // Where focus goes when a Delete leaves no row to take it (remove-and-refocus.ts).
      tabIndex={-1}
      className="overflow-hidden outline-none rounded-xl border border-zinc-200 bg-white shadow-sm dark:border-zinc-800 dark:bg-zinc-900"
    >
      <div className="max-h-[420px] overflow-auto">
        <table className="w-full text-sm">
          <caption className="sr-only">
            Script entries in order; edit a time or a prompt in place
          </caption>
          <thead className="sticky top-0 z-10 bg-zinc-50 text-left text-xs font-medium text-zinc-500 dark:bg-zinc-900 dark:text-zinc-400">
            <tr>
              <th scope="col" className="w-28 px-3 py-2">
                Time (s)
              </th>
              <th scope="col" className="w-48 px-3 py-2">
                Kind
              </th>
              <th scope="col" className="px-3 py-2">
                Prompt
              </th>
              <th scope="col" className="w-28 px-3 py-2">
                Image
              </th>
              <th scope="col" className="w-24 px-3 py-2">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 ? (
              <tr>
                <td colSpan={5} className="px-3 py-8 text-center text-zinc-500">
                  No entries yet: “Add stream” begins one.
                </td>
              </tr>
            ) : (
              rows.map((row) => (
                <ListRow
                  key={row.id}
                  row={row}
                  selected={selection.includes(row.id)}
                  problem={problemsById.get(row.id)}
                />
              ))
            )}
          </tbody>
        </table>
      </div>
    </section>
  );
}

const ListRow = memo(function ListRow({
  row,
  selected,
  problem,
}: {
  row: Row;
  selected: boolean;
  problem: string | undefined;
}) {
  const actions = useDraftActions();
  const store = useDraftStoreApi();
  const ui = useCommandUi();
  const history = usePromptHistory();
  const name = `${entryNoun(row.kind)} of stream ${row.stream} at ${formatSeconds(row.ms)}`;

  const commitTime = (ms: number) => {
    actions.moveEntry(row.id, ms);
    // The time the rules allowed, read back from the store (this row's props are a render old).
    const now = locateEntry(store.getState().timeline, row.id)?.timestampMs ?? row.ms;
    return now === ms ? null : `Kept at ${formatSeconds(now)}`;
  };

  return (
    <tr
      onFocus={() => {
        if (!selected) actions.select([row.id]);
      }}
      className={[
        "border-t border-zinc-100 dark:border-zinc-800",
        selected ? "bg-accent-50 dark:bg-accent-500/10" : "",
        row.kind === "start" && row.stream > 1 ? "border-t-zinc-300 dark:border-t-zinc-700" : "",
      ].join(" ")}
    >
      <td className="px-3 py-1.5">
        <TimeField
          label={`Time of the ${name}`}
          hideLabel
          valueMs={row.ms}
          onCommit={commitTime}
          variant="inline"
          inputClassName="w-20"
        />
      </td>
      <td className="px-3 py-1.5">
        <span className="inline-flex items-center gap-1.5 whitespace-nowrap">
          <span
            aria-hidden
            className={[
              "size-2 rounded-full",
              row.kind === "start"
                ? "bg-accent-500"
                : row.kind === "interact"
                  ? "bg-amber-500"
                  : "bg-zinc-400",
            ].join(" ")}
          />
          {row.kind === "interact" ? "Interaction" : row.kind === "start" ? "Start" : "End"}
          <span className="text-xs text-zinc-500">· stream {row.stream}</span>
        </span>
      </td>
      <td className="px-3 py-1.5">
        {row.prompt === null ? (
          <span className="text-zinc-400">—</span>
        ) : (
          <input
            type="text"
            aria-label={`Prompt of the ${name}`}
            value={row.prompt}
            aria-invalid={problem !== undefined}
            onChange={(event) => actions.setPrompt(row.id, event.target.value)}
            {...history}
            onBlur={actions.endHistoryGroup}
            placeholder="Prompt"
            className={[
              "w-full rounded-md border bg-transparent px-1.5 py-1 focus:border-accent-500",
              problem
                ? "border-red-400"
                : "border-transparent hover:border-zinc-300 dark:hover:border-zinc-700",
            ].join(" ")}
          />
        )}
        {problem ? (
          <p className="px-1.5 text-xs text-red-600 dark:text-red-400">{problem}</p>
        ) : null}
      </td>
      <td className="px-3 py-1.5">
        {row.image ? (
          <img
            src={row.image}
            alt={`Stream ${row.stream} start frame`}
            className="h-8 w-14 rounded object-cover"
          />
        ) : (
          <span className="text-zinc-400">{row.kind === "start" ? "none" : ""}</span>
        )}
      </td>
      <td className="px-3 py-1.5 text-right">
        <Button
          size="sm"
          variant="danger"
          // The registry's Delete, on this row's entry: undo, and focus on the neighbour after,
          // as the Delete key and the inspector's button do.
          onClick={() => void runCommand("delete", { store, ui, entryIds: [row.id] })}
          data-row-delete={row.id}
          aria-label={`Delete the ${name}`}
        >
          Delete
        </Button>
      </td>
    </tr>
  );
});
