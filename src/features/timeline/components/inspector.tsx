// The inspector: exact editing of the selected entry (prompt, time, image) or of a group.
import { useState } from "react";
import { useShallow } from "zustand/react/shallow";
import { Button } from "../../../components/button";
import { Kbd } from "../../../components/kbd";
import { Panel } from "../../../components/panel";
import { liveSelection, selectedEntry } from "../store/draft-store";
import { streamName } from "../model/stream-look";
import { useDraftActions, useDraftStore, useDraftStoreApi } from "../store/use-draft-store";
import { entryNoun } from "./drag-data";
import type { EditedEntry } from "./entry-fields";
import { removeAndRefocus } from "./remove-and-refocus";
import { loadedEntryFields, loadEntryFields, useFetchPart } from "./studio-chunks";

export function Inspector() {
  const selection = useDraftStore(useShallow((s) => liveSelection(s)));
  const entry = useDraftStore(
    useShallow((s): (EditedEntry & { streamNumber: number }) | null => {
      const ref = selectedEntry({ selection: liveSelection(s), timeline: s.timeline });
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
  const actions = useDraftActions();
  const store = useDraftStoreApi();
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
          <Button onClick={() => actions.duplicate(selection)}>Duplicate</Button>
          <Button variant="danger" onClick={() => removeAndRefocus(store, selection)}>
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
    <Panel title={title} className="flex flex-col overflow-hidden">
      {/* The fields scroll; Delete stays in view below them. Until the editor's chunk is here
          (only if an entry is chosen before the studio was first idle) the panel keeps its
          title and Delete, and the fields fill in when it lands. */}
      <div className="-mx-1 min-h-0 flex-1 space-y-4 overflow-y-auto px-1 pb-2">
        {EntryFields ? <EntryFields entry={entry} /> : null}
      </div>
      <div className="border-t border-zinc-200 pt-3 dark:border-zinc-800">
        <Button variant="danger" onClick={() => removeAndRefocus(store, [entry.id])}>
          {entry.kind === "interact" ? "Delete interaction" : "Delete stream"}
        </Button>
      </div>
    </Panel>
  );
}
