// The live preview: a frame in the draft's aspect showing what the model would be given at the
// playhead (the stream's image, the prompt in force) while the playhead runs in real time, or
// at the selected entry when the selection changed last.
import { useDeferredValue, useEffect, useState } from "react";
import { useShallow } from "zustand/react/shallow";
import { IconButton } from "../../../components/icon-button";
import { formatSeconds } from "../../../contract/format";
import { timelineEndMs } from "../model/operations";
import { promptAt } from "../model/prompt-at";
import { formatBinding } from "../commands/keys";
import { useCommand } from "../commands/use-commands";
import { type DraftState, selectedEntry } from "../store/draft-store";
import { useDraftStore, useDraftStoreApi } from "../store/use-draft-store";

/** The moment a selected entry stands for: its time, or an end's last moment. */
function selectionMs(state: DraftState): number | null {
  // A selected id that an undo removed is simply not found.
  const ref = selectedEntry(state);
  if (!ref) return null;
  if (ref.kind !== "end") return ref.timestampMs;
  return Math.max(ref.clip.start.timestampMs, ref.timestampMs - 1);
}

/** Whether the preview shows the selection: it changed after the playhead last moved. */
function useFollowsSelection(): boolean {
  const store = useDraftStoreApi();
  const [follows, setFollows] = useState(false);
  useEffect(
    () =>
      store.subscribe((state, previous) => {
        if (state.selection !== previous.selection) setFollows(state.selection.length > 0);
        else if (state.playheadMs !== previous.playheadMs) setFollows(false);
      }),
    [store],
  );
  return follows;
}

export function Preview() {
  const playheadMs = useDraftStore((s) => s.playheadMs);
  const playing = useDraftStore((s) => s.playing);
  const portrait = useDraftStore((s) => s.timeline.portrait);
  const endMs = useDraftStore((s) => timelineEndMs(s.timeline));
  const follows = useFollowsSelection();
  // During a drag the preview follows a new selection a frame later, as the inspector does (see
  // inspector.tsx): a new frame drawn in the pick-up's own task made that task long.
  const liveSelectedMs = useDraftStore(selectionMs);
  const deferredSelectedMs = useDeferredValue(liveSelectedMs);
  const dragging = useDraftStore((s) => s.dragging);
  const selectedMs = dragging ? deferredSelectedMs : liveSelectedMs;
  const shownMs = follows && !playing && selectedMs !== null ? selectedMs : playheadMs;
  const now = useDraftStore(useShallow((s) => promptAt(s.timeline, shownMs)));
  const playPause = useCommand("play-pause");
  const playPauseKey = playPause.command.keys?.[0];

  return (
    <section
      aria-label="Preview"
      className="flex min-h-0 flex-col rounded-xl border border-zinc-200 bg-white p-3 shadow-sm dark:border-zinc-800 dark:bg-zinc-900"
    >
      <div
        className={[
          "flex min-h-0 items-center justify-center rounded-lg bg-zinc-950 p-2 lg:h-auto lg:flex-1",
          // A portrait frame is tall: on a narrow screen it gets the height to be seen.
          portrait ? "h-[min(36rem,70dvh)]" : "h-64",
        ].join(" ")}
      >
        <div
          className={[
            "relative overflow-hidden rounded-md bg-zinc-800 shadow-lg",
            portrait
              ? "aspect-[704/1280] h-full"
              : "aspect-[1280/704] max-h-full w-full max-w-[536px]",
          ].join(" ")}
        >
          {now?.image ? (
            <img src={now.image} alt="" className="absolute inset-0 size-full object-cover" />
          ) : (
            <div className="absolute inset-0 flex items-center justify-center bg-[radial-gradient(circle_at_30%_20%,rgb(139_92_246/0.35),transparent_60%),radial-gradient(circle_at_80%_80%,rgb(245_158_11/0.2),transparent_55%)] text-xs text-zinc-400">
              {now ? "No image: the model starts from the prompt" : "Nothing plays here"}
            </div>
          )}
          <div className="absolute inset-x-0 bottom-0 bg-gradient-to-t from-black/85 via-black/50 to-transparent p-3 pt-10">
            {now ? (
              <>
                <p className="text-[11px] font-medium tracking-wide text-white/70 uppercase">
                  Stream {now.streamNumber} ·{" "}
                  {now.kind === "start" ? "start prompt" : "interaction"}
                </p>
                <p
                  className="mt-0.5 line-clamp-3 text-sm text-white"
                  aria-live={playing ? "off" : "polite"}
                >
                  {now.prompt || "(no prompt yet)"}
                </p>
              </>
            ) : (
              <p className="text-sm text-white/70">Between streams</p>
            )}
          </div>
          <span className="absolute top-2 right-2 rounded bg-black/60 px-1.5 py-0.5 font-mono text-xs text-white tabular-nums">
            {shownMs === playheadMs ? "" : "Selected · "}
            {formatSeconds(shownMs)}
          </span>
        </div>
      </div>
      <div className="mt-2 flex items-center gap-3">
        <IconButton
          variant="solid"
          label={playing ? "Pause preview" : "Play preview"}
          shortcut={playPauseKey ? formatBinding(playPauseKey) : undefined}
          onClick={playPause.run}
          disabled={!playPause.enabled}
        >
          {playing ? (
            <path d="M7 5h3v14H7zM14 5h3v14h-3z" fill="currentColor" stroke="none" />
          ) : (
            <path d="M8 5v14l11-7z" fill="currentColor" stroke="none" />
          )}
        </IconButton>
        <div className="h-1.5 flex-1 overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800">
          <div
            className="h-full rounded-full bg-accent-500"
            style={{ width: `${endMs ? Math.min(100, (playheadMs / endMs) * 100) : 0}%` }}
          />
        </div>
        <span className="font-mono text-xs text-zinc-500 tabular-nums">
          {formatSeconds(playheadMs)} / {formatSeconds(endMs)}
        </span>
      </div>
    </section>
  );
}
