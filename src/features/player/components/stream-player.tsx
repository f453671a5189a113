// One stream's video with a scrubber that marks its prompts, Download and Copy link. Presigned
// URLs that expire while the page is open are renewed without interrupting playback.
import { useEffect, useRef, useState } from "react";
import { formatCount, formatSeconds } from "../../../contract/format";
import type { Recording } from "../../../contract/jobs";
import { Alert } from "../../../components/alert";
import { Button } from "../../../components/button";
import { useFreshRecording } from "../hooks/use-fresh-recording";
import { isExpiredUrlError, useStreamEvents } from "../hooks/use-stream-events";
import { useVideoClock } from "../hooks/use-video-clock";
import { DEFAULT_FPS, markerShowingAt } from "../utils/scrubber";
import type { RecordingFileReader } from "../../../api/simulate-client";
import { PlayerActions } from "./player-actions";
import { SeekBar } from "./seek-bar";

export interface StreamPlayerProps {
  recording: Recording;
  /** Visible heading and accessible name of the player's region, e.g. "Stream 1". */
  title: string;
  /** File name for Download, e.g. "simulate-1a2b3c4d-stream-1.mp4". */
  downloadName: string;
  /** Fetches the recording again for fresh presigned URLs, when one has expired. */
  refresh: () => Promise<Recording>;
  /**
   * Reads one of the recording's files through the studio's server, for file hosts on another
   * origin that send no CORS headers (the cloud's storage). Absent without a relay.
   */
  readFile?: RecordingFileReader;
}

export function StreamPlayer(props: StreamPlayerProps) {
  // Another stream is another player: nothing of the last one's URLs or position carries over.
  return <Player key={props.recording.stream_id} {...props} />;
}

/** Where to pick up after the video's URL is swapped for a fresh one. */
interface Resume {
  fromUrl: string | null;
  seconds: number;
  play: boolean;
}

function Player({ recording, title, downloadName, refresh, readFile }: StreamPlayerProps) {
  const fresh = useFreshRecording(recording, refresh);
  const { reportFailure, reportLoaded } = fresh;
  const [video, setVideo] = useState<HTMLVideoElement | null>(null);
  const clock = useVideoClock(video);

  const videoUrl = fresh.urls.video.url;
  const videoFailed = fresh.urls.video.status === "failed";
  const posterUrl = fresh.urls.poster.status === "failed" ? null : fresh.urls.poster.url;
  const eventsUrl = fresh.urls.events.url;

  const events = useStreamEvents(recording.stream_id, eventsUrl, readFile);
  const { refetch: refetchEvents } = events;
  const eventsError = events.error;
  const eventsLoaded = events.isSuccess;
  useEffect(() => {
    if (eventsUrl === null) return;
    if (isExpiredUrlError(eventsError)) reportFailure("events", eventsUrl);
    else if (eventsLoaded) reportLoaded("events", eventsUrl);
  }, [eventsUrl, eventsError, eventsLoaded, reportFailure, reportLoaded]);

  // A retry may get the same URLs back, which changes no attribute: load them again by hand.
  const { retries: videoRetries } = fresh.urls.video;
  const { retries: eventsRetries } = fresh.urls.events;
  const { retries: posterRetries } = fresh.urls.poster;
  useEffect(() => {
    if (videoRetries > 0) video?.load();
  }, [video, videoRetries]);
  useEffect(() => {
    if (eventsRetries > 0) void refetchEvents();
  }, [eventsRetries, refetchEvents]);

  // The poster is an attribute, which reports no errors: probe it to learn when it expired.
  useEffect(() => {
    if (posterUrl === null) return;
    const probe = new Image();
    probe.onload = () => reportLoaded("poster", posterUrl);
    probe.onerror = () => reportFailure("poster", posterUrl);
    probe.src = posterUrl;
    return () => {
      probe.onload = null;
      probe.onerror = null;
    };
  }, [posterUrl, posterRetries, reportFailure, reportLoaded]);

  // Whether the person meant the video to play, which the paused flag stops telling once the
  // video has failed.
  const playIntent = useRef(false);
  const resume = useRef<Resume | null>(null);

  // With preload="none" a renewed link loads nothing by itself: if the failed one was playing,
  // play the new one, and onLoadedMetadata puts it back where it was.
  useEffect(() => {
    const pending = resume.current;
    if (!video || videoUrl === null || !pending?.play || pending.fromUrl === videoUrl) return;
    // Played here once; onLoadedMetadata then only restores the time.
    resume.current = { ...pending, play: false };
    void video.play()?.catch(() => {});
  }, [video, videoUrl]);

  const durationMs =
    clock.durationMs ??
    (recording.duration_seconds != null ? recording.duration_seconds * 1000 : null) ??
    events.data?.durationMs ??
    null;
  const frameCount = recording.frame_count ?? events.data?.frameCount ?? null;
  const markers = events.data?.markers ?? null;
  const fps = events.data?.fps ?? DEFAULT_FPS;
  const showing = markers ? markerShowingAt(markers, clock.currentMs, durationMs, fps) : null;

  return (
    <section
      aria-label={title}
      className="overflow-hidden rounded-xl border border-zinc-200 bg-white shadow-xs dark:border-zinc-800 dark:bg-zinc-900"
    >
      <header className="flex flex-wrap items-center justify-between gap-3 border-b border-zinc-200 px-4 py-3 dark:border-zinc-800">
        <div className="min-w-0">
          <h2 className="truncate text-sm font-semibold">{title}</h2>
          <p className="text-xs text-zinc-500 tabular-nums dark:text-zinc-400">
            {[
              durationMs !== null ? formatSeconds(durationMs) : null,
              frameCount !== null ? `${formatCount(frameCount)} frames` : null,
            ]
              .filter(Boolean)
              .join(" · ") || "Length not known yet"}
          </p>
        </div>
        <PlayerActions
          videoUrl={videoUrl}
          downloadName={downloadName}
          refresh={refresh}
          readFile={readFile}
        />
      </header>

      {videoUrl === null ? (
        <div className="flex aspect-video items-center justify-center bg-zinc-100 px-6 text-center text-sm text-zinc-600 dark:bg-zinc-950 dark:text-zinc-400">
          The video is not ready yet.
        </div>
      ) : (
        <div className="relative bg-black">
          {/* Both renderers write silent video (no audio track): there is nothing to caption, and
              the prompts are on the scrubber. */}
          {/* Nothing is fetched until the creator plays: the poster shows the first frame and the
              length comes from the recording, so a 250-stream job asks for no video up front. */}
          {/* eslint-disable-next-line jsx-a11y/media-has-caption */}
          <video
            ref={setVideo}
            controls
            preload="none"
            playsInline
            poster={posterUrl ?? undefined}
            src={videoUrl}
            aria-label={`${title} video`}
            className="mx-auto block max-h-[70vh] w-full"
            onPlay={() => (playIntent.current = true)}
            onPause={(event) => {
              // A failing video may pause itself; that is not the person changing their mind.
              if (!event.currentTarget.error) playIntent.current = false;
            }}
            onError={(event) => {
              const element = event.currentTarget;
              const failed = element.getAttribute("src");
              resume.current = {
                fromUrl: failed,
                seconds: element.currentTime,
                play: playIntent.current,
              };
              reportFailure("video", failed);
            }}
            onLoadedMetadata={(event) => {
              const element = event.currentTarget;
              const loaded = element.getAttribute("src");
              reportLoaded("video", loaded);
              const pending = resume.current;
              if (pending && pending.fromUrl !== loaded) {
                resume.current = null;
                if (pending.seconds > 0) element.currentTime = pending.seconds;
                if (pending.play) void element.play()?.catch(() => {});
              }
            }}
          />
          {videoFailed ? (
            <Alert layout="overlay" action={<Button onClick={fresh.retry}>Retry</Button>}>
              The video could not be loaded. Its link may have expired, or the server cannot reach
              the file right now.
            </Alert>
          ) : null}
        </div>
      )}

      {videoUrl !== null ? (
        <div className="space-y-2 px-3 pt-2 pb-3">
          <SeekBar
            currentMs={clock.currentMs}
            durationMs={durationMs}
            fps={fps}
            markers={markers}
            showingMarker={showing}
            onSeek={clock.seek}
            onTogglePlay={clock.togglePlay}
          />
          <div className="flex items-baseline justify-between gap-4 px-1.5 text-xs text-zinc-500 dark:text-zinc-400">
            <p className="min-w-0 truncate" title={showing?.prompt}>
              <MarkerStatus
                loading={events.isPending && eventsUrl !== null}
                renewing={fresh.urls.events.status === "refreshing"}
                unavailable={
                  eventsUrl === null ||
                  fresh.urls.events.status === "failed" ||
                  events.isError ||
                  (events.isSuccess && events.data === null)
                }
                count={markers?.filter((m) => m.kind === "interact").length ?? 0}
                showingPrompt={showing?.prompt ?? null}
              />
            </p>
            <p className="shrink-0 tabular-nums">
              {formatSeconds(Math.min(clock.currentMs, durationMs ?? Infinity))}
              {durationMs !== null ? ` / ${formatSeconds(durationMs)}` : null}
            </p>
          </div>
        </div>
      ) : null}
    </section>
  );
}

function MarkerStatus({
  loading,
  renewing,
  unavailable,
  count,
  showingPrompt,
}: {
  loading: boolean;
  renewing: boolean;
  unavailable: boolean;
  count: number;
  showingPrompt: string | null;
}) {
  if (loading || renewing) return <>Loading interaction markers…</>;
  if (unavailable) return <>Interaction markers are unavailable for this video.</>;
  if (showingPrompt) {
    return (
      <>
        <span className="font-medium text-zinc-700 dark:text-zinc-300">On screen:</span>{" "}
        {showingPrompt}
      </>
    );
  }
  return <>{count === 0 ? "No interactions in this stream." : null}</>;
}
