// The inspector: exact editing of the selected entry (prompt, time, image) or of a group.
import { useDeferredValue, useState } from "react";
import { useShallow } from "zustand/react/shallow";
import { Button } from "../../../components/button";
import { Kbd } from "../../../components/kbd";
import { Panel } from "../../../components/panel";
import { useCommand } from "../commands/use-commands";
import { liveSelection, selectedEntry } from "../store/draft-store";
import { streamName } from "../model/stream-look";
import { useDraftStore } from "../store/use-draft-store";
import { entryNoun } from "./drag-data";
import type { EditedEntry } from "./entry-fields";
import { loadedEntryFields, loadEntryFields, useFetchPart } from "./studio-chunks";

export function Inspector() {
  // Picking up an entry selects it. During a drag the fields follow the selection in a render
  // React may interrupt, a frame later: drawing them in the pick-up's own task made that task
  // long with 1,000 entries on the timeline. Otherwise they follow at once (an entry just added
  // has its prompt focused, and typing must never lag).
  const live = useDraftStore(useShallow((s) => liveSelection(s)));
  const deferred = useDeferredValue(live);
  const dragging = useDraftStore((s) => s.dragging);
  const selection = dragging ? deferred : live;
  const entry = useDraftStore(
    useShallow((s): (EditedEntry & { streamNumber: number }) | null => {
      const ref = selectedEntry({ selection, timeline: s.timeline });
      if (!ref) return null;
      const interaction =
        ref.kind === "interact" ? ref.clip.interactions[ref.interactionIndex] : undefined;
      return {
        id:
          ref.kind === "start"
            ? ref.clip.start.id
            : ref.kind === "end"
              ? ref.clip.end.id
              : (interaction?.id ?? ""),
        kind: ref.kind,
        ms: ref.timestampMs,
        prompt: ref.kind === "start" ? ref.clip.start.prompt : (interaction?.prompt ?? ""),
        image: ref.kind === "start" ? ref.clip.start.image : undefined,
        clipId: ref.clip.id,
        clipStartMs: ref.clip.start.timestampMs,
        clipEndMs: ref.clip.end.timestampMs,
        streamNumber: s.timeline.clips.indexOf(ref.clip) + 1,
        streamName: streamName(ref.clip, s.timeline.clips.indexOf(ref.clip)),
        name: ref.clip.start.name,
        color: ref.clip.start.color,
      };
    }),
  );
  // The registry's commands, so these buttons do exactly what Ctrl+D and Delete do.
  const duplicate = useCommand("duplicate");
  const remove = useCommand("delete");
  const [EntryFields, setEntryFields] = useState(loadedEntryFields);
  useFetchPart(entry !== null && !EntryFields, loadEntryFields, setEntryFields);

  if (selection.length > 1) {
    return (
      <Panel title={`${selection.length} entries selected`}>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Drag any of them or use the arrow keys to move them together. A selected start or end
          moves its whole stream.
        </p>
        <div className="mt-4 flex gap-2">
          <Button onClick={duplicate.run}>{duplicate.command.label}</Button>
          <Button variant="danger" onClick={remove.run}>
            Delete selected
          </Button>
        </div>
      </Panel>
    );
  }

  if (!entry) {
    return (
      <Panel title="Inspector">
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Select a start, an interaction or an end on the timeline to edit its prompt, time and
          image.
        </p>
        <ul className="mt-4 space-y-1.5 text-sm text-zinc-600 dark:text-zinc-400">
          <li>
            <Kbd>Tab</Kbd> to an entry, <Kbd>←</Kbd> <Kbd>→</Kbd> to nudge it
          </li>
          <li>
            <Kbd>Enter</Kbd> picks it up to drag with the keyboard
          </li>
          <li>
            <Kbd>Space</Kbd> plays the preview, <Kbd>?</Kbd> lists every shortcut
          </li>
        </ul>
      </Panel>
    );
  }

  const noun = entryNoun(entry.kind);
  const title =
    entry.kind === "interact"
      ? `Interaction in stream ${entry.streamNumber}`
      : `Stream ${entry.streamNumber} ${noun}`;
  return (
    <Panel
      title={title}
      // A container, so the fields take two columns when the panel is wide enough to: at
      // 1024x768 one column of them would be twice the height the editor row has.
      className="@container flex flex-col overflow-hidden"
      actions={
        // In the title row, not below the fields: it never moves, whatever the entry shows.
        <Button size="sm" variant="danger" onClick={remove.run}>
          {entry.kind === "interact" ? "Delete interaction" : "Delete stream"}
        </Button>
      }
    >
      {/* Until the editor's chunk is here (only if an entry is chosen before the studio was
          first idle) the panel keeps its title and Delete, and the fields fill in when it
          lands. They fit the editor row at its default height; the scroll is only for a row
          the creator has dragged smaller. */}
      <div className="-mx-1 min-h-0 flex-1 overflow-y-auto px-1">
        {EntryFields ? <EntryFields entry={entry} /> : null}
      </div>
    </Panel>
  );
}
