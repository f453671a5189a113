// Compare: two to four takes side by side, played by one clock (hooks/use-synced-clock), with
// one scrubber and a lane of interaction markers per take, so a creator can pick the best.
import { useCallback, useEffect, useMemo, useState } from "react";
import { Link } from "wouter";
import type { StreamMarker } from "../../../contract/events";
import { formatSeconds } from "../../../contract/format";
import { SeekMarker } from "../../../components/seek-marker";
import type { Recording } from "../../../contract/jobs";
import type { RecordingFileReader } from "../../../api/simulate-client";
import { Button } from "../../../components/button";
import { IconButton } from "../../../components/icon-button";
import { StrokeIcon } from "../../../components/stroke-icon";
import { useFreshRecording } from "../hooks/use-fresh-recording";
import { useStreamEvents } from "../hooks/use-stream-events";
import { useSyncedClock } from "../hooks/use-synced-clock";
import {
  DEFAULT_FPS,
  markerLabel,
  markerSeen,
  markerShowingAt,
  percentAt,
} from "../utils/scrubber";
import { PlayerActions } from "./player-actions";
import { SeekBar } from "./seek-bar";

export interface ComparedTake {
  recording: Recording;
  /** "Stream 2", or "Recording 1a2b3c4d": the take's heading and accessible name. */
  title: string;
  downloadName: string;
  refresh: () => Promise<Recording>;
  readFile?: RecordingFileReader | undefined;
  /** Its job's page, when known. */
  jobHref?: string | null;
}

export function CompareView({
  takes,
  onRemove,
}: {
  takes: ComparedTake[];
  /** Drops a take from the comparison; absent when no more can go. */
  onRemove?: (streamId: string) => void;
}) {
  const [elements, setElements] = useState<Record<string, HTMLVideoElement | null>>({});
  const ids = takes.map((take) => take.recording.stream_id).join("\n");
  const videos = useMemo(() => ids.split("\n").map((id) => elements[id] ?? null), [ids, elements]);
  const clock = useSyncedClock(videos);
  const onVideo = useCallback(
    (streamId: string, video: HTMLVideoElement | null) =>
      setElements((current) =>
        current[streamId] === video ? current : { ...current, [streamId]: video },
      ),
    [],
  );

  return (
    <section aria-label="Compare" className="flex min-w-0 flex-col gap-4">
      <div className={`grid min-w-0 gap-4 ${takes.length > 1 ? "sm:grid-cols-2" : ""}`}>
        {takes.map((take) => (
          <TakeTile
            key={take.recording.stream_id}
            take={take}
            clockMs={clock.currentMs}
            onVideo={onVideo}
            onRemove={onRemove}
          />
        ))}
      </div>

      <div className="min-w-0 rounded-xl border border-zinc-200 bg-white p-3 shadow-xs dark:border-zinc-800 dark:bg-zinc-900">
        <div className="mb-2 flex flex-wrap items-center gap-3 px-1.5">
          <Button variant="primary" onClick={clock.togglePlay} disabled={clock.durationMs === null}>
            <StrokeIcon className="size-4 shrink-0">
              {clock.playing ? (
                <>
                  <path d="M8 5v14" />
                  <path d="M16 5v14" />
                </>
              ) : (
                <path d="m7 4 13 8-13 8z" />
              )}
            </StrokeIcon>
            {clock.playing ? "Pause" : "Play"}
          </Button>
          <p className="text-sm tabular-nums text-zinc-600 dark:text-zinc-400">
            {formatSeconds(clock.currentMs)}
            {clock.durationMs !== null ? ` / ${formatSeconds(clock.durationMs)}` : null}
          </p>
          <p role="status" className="text-xs text-zinc-500 dark:text-zinc-400">
            {clock.playing && clock.waiting ? "Waiting for every video to be ready…" : null}
          </p>
        </div>
        <div className="flex flex-col gap-1">
          {takes.map((take) => (
            <MarkerLane
              key={take.recording.stream_id}
              take={take}
              totalMs={clock.durationMs}
              currentMs={clock.currentMs}
              onSeek={clock.seek}
            />
          ))}
        </div>
        {/* Set in by the lanes' label column, so a time sits at the same x on every lane and
            on the scrubber. */}
        <div className="flex min-w-0 items-center gap-2">
          <span aria-hidden className="w-20 shrink-0 text-xs text-zinc-500 dark:text-zinc-400">
            All
          </span>
          <div className="min-w-0 flex-1">
            <SeekBar
              currentMs={clock.currentMs}
              durationMs={clock.durationMs}
              fps={DEFAULT_FPS}
              markers={null}
              showingMarker={null}
              onSeek={clock.seek}
              onTogglePlay={clock.togglePlay}
            />
          </div>
        </div>
      </div>
    </section>
  );
}

function TakeTile({
  take,
  clockMs,
  onVideo,
  onRemove,
}: {
  take: ComparedTake;
  clockMs: number;
  onVideo: (streamId: string, video: HTMLVideoElement | null) => void;
  onRemove: ((streamId: string) => void) | undefined;
}) {
  const { recording, title } = take;
  const fresh = useFreshRecording(recording, take.refresh);
  const [video, setVideo] = useState<HTMLVideoElement | null>(null);
  useEffect(() => {
    onVideo(recording.stream_id, video);
    return () => onVideo(recording.stream_id, null);
  }, [onVideo, recording.stream_id, video]);
  const videoUrl = fresh.urls.video.url;
  const posterUrl = fresh.urls.poster.status === "failed" ? null : fresh.urls.poster.url;
  const events = useStreamEvents(recording.stream_id, recording.events_url ?? null, take.readFile);
  const markers = events.data?.markers ?? null;
  const durationMs = recording.duration_seconds != null ? recording.duration_seconds * 1000 : null;
  const fps = events.data?.fps ?? DEFAULT_FPS;
  const showing = markers
    ? markerShowingAt(markers, Math.min(clockMs, durationMs ?? Infinity), durationMs, fps)
    : null;

  return (
    <section
      aria-label={title}
      className="min-w-0 overflow-hidden rounded-xl border border-zinc-200 bg-white shadow-xs dark:border-zinc-800 dark:bg-zinc-900"
    >
      <header className="flex flex-wrap items-center justify-between gap-2 border-b border-zinc-200 px-3 py-2 dark:border-zinc-800">
        <div className="min-w-0">
          <h2 className="truncate text-sm font-semibold">{title}</h2>
          <p className="text-xs text-zinc-500 tabular-nums dark:text-zinc-400">
            {durationMs !== null ? formatSeconds(durationMs) : "Length not known yet"}
            {take.jobHref ? (
              <>
                {" · "}
                <Link
                  to={take.jobHref}
                  className="font-medium text-accent-700 hover:underline dark:text-accent-400"
                >
                  Its job
                </Link>
              </>
            ) : null}
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <PlayerActions
            videoUrl={videoUrl}
            downloadName={take.downloadName}
            refresh={take.refresh}
            readFile={take.readFile}
          />
          {onRemove ? (
            <IconButton
              label={`Remove ${title} from the comparison`}
              onClick={() => onRemove(recording.stream_id)}
            >
              <path d="M18 6 6 18" />
              <path d="m6 6 12 12" />
            </IconButton>
          ) : null}
        </div>
      </header>
      {videoUrl === null ? (
        <div className="flex aspect-video items-center justify-center bg-zinc-100 px-6 text-center text-sm text-zinc-600 dark:bg-zinc-950 dark:text-zinc-400">
          This take has no video.
        </div>
      ) : (
        <div className="bg-black">
          {/* Silent video (no audio track); the prompts are on the marker lanes. Driven by the
              shared clock, so it has no controls of its own. */}
          <video
            ref={setVideo}
            src={videoUrl}
            poster={posterUrl ?? undefined}
            muted
            playsInline
            preload="auto"
            aria-label={`${title} video`}
            className="mx-auto block max-h-[40vh] w-full"
            onError={(event) =>
              fresh.reportFailure("video", event.currentTarget.getAttribute("src"))
            }
            onLoadedMetadata={(event) =>
              fresh.reportLoaded("video", event.currentTarget.getAttribute("src"))
            }
          />
        </div>
      )}
      <p
        className="min-h-[2.25rem] truncate px-3 py-2 text-xs text-zinc-600 dark:text-zinc-400"
        title={showing?.prompt}
      >
        {showing ? (
          <>
            <span className="font-medium text-zinc-800 dark:text-zinc-200">On screen:</span>{" "}
            {showing.prompt || "no prompt"}
          </>
        ) : null}
      </p>
    </section>
  );
}

/** One take's prompts on the shared time scale; each marker seeks every take to its frame. */
function MarkerLane({
  take,
  totalMs,
  currentMs,
  onSeek,
}: {
  take: ComparedTake;
  totalMs: number | null;
  currentMs: number;
  onSeek: (ms: number) => void;
}) {
  const { recording, title } = take;
  const events = useStreamEvents(recording.stream_id, recording.events_url ?? null, take.readFile);
  const markers: readonly StreamMarker[] = events.data?.markers ?? [];
  const lengthMs = recording.duration_seconds != null ? recording.duration_seconds * 1000 : null;
  const fps = events.data?.fps ?? DEFAULT_FPS;
  const total = totalMs ?? 0;
  return (
    <div className="flex min-w-0 items-center gap-2">
      <span
        className="w-20 shrink-0 truncate text-xs text-zinc-500 dark:text-zinc-400"
        title={title}
      >
        {title}
      </span>
      <div
        role="group"
        aria-label={`${title} markers`}
        className="relative mx-1.5 h-6 min-w-0 flex-1"
      >
        {lengthMs !== null && total > 0 ? (
          <span
            aria-hidden
            className="absolute top-1/2 left-0 h-1 -translate-y-1/2 rounded-full bg-zinc-200 dark:bg-zinc-700"
            style={{ width: `${percentAt(lengthMs, total)}%` }}
          />
        ) : null}
        {total > 0 ? (
          <span
            aria-hidden
            className="absolute inset-y-0 w-px bg-accent-500/60"
            style={{ left: `${percentAt(currentMs, total)}%` }}
          />
        ) : null}
        {total > 0
          ? markers.map((marker, index) => {
              const seen = markerSeen(marker, lengthMs, fps);
              const interaction = marker.kind === "interact";
              return (
                <SeekMarker
                  key={`${marker.kind}:${marker.atMs}:${index}`}
                  kind={marker.kind}
                  seen={seen}
                  aria-label={`${title}: ${markerLabel(marker, seen)}`}
                  title={`${interaction ? "Interaction" : "Start"} at ${formatSeconds(marker.atMs)}: ${marker.prompt}`}
                  onClick={() => onSeek(marker.showMs)}
                  className="absolute top-0 -translate-x-1/2"
                  style={{ left: `${percentAt(marker.atMs, total)}%` }}
                />
              );
            })
          : null}
      </div>
    </div>
  );
}
