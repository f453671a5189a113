// A small first frame of a video in the jobs and recordings lists, fetched only once its row is
// near the screen. A missing or expired image shows a plain frame instead.
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { SimulateClient } from "../../../api/simulate-client";
import { getJobQueryOptions } from "../api/get-job";
import { getRecordingQueryOptions } from "../api/get-recording";
import { useInView } from "../hooks/use-in-view";

function Frame({
  src,
  alt,
  setElement,
}: {
  src: string | null;
  alt: string;
  setElement: (element: HTMLElement | null) => void;
}) {
  // The URL that failed, so a fresh one (a refetched recording) is tried again.
  const [failed, setFailed] = useState<string | null>(null);
  return (
    <span
      ref={setElement}
      className="block aspect-video w-20 shrink-0 overflow-hidden rounded-md bg-zinc-100 ring-1 ring-zinc-200 ring-inset dark:bg-zinc-800 dark:ring-zinc-700"
    >
      {src && failed !== src ? (
        <img
          src={src}
          alt={alt}
          loading="lazy"
          decoding="async"
          className="size-full object-cover"
          onError={() => setFailed(src)}
        />
      ) : null}
    </span>
  );
}

/** A recording's thumbnail, from its own answer (the recordings list has no URLs). */
export function RecordingThumbnail({
  client,
  streamId,
  alt,
}: {
  client: SimulateClient;
  streamId: string;
  alt: string;
}) {
  const [element, setElement] = useState<HTMLElement | null>(null);
  const visible = useInView(element);
  const recording = useQuery({ ...getRecordingQueryOptions(client, streamId), enabled: visible });
  return <Frame src={recording.data?.thumbnail_url ?? null} alt={alt} setElement={setElement} />;
}

/**
 * A finished job's first thumbnail. The jobs list has no streams, so the job itself is fetched,
 * once per visible completed row; a finished job never changes, so the cache keeps it.
 */
export function JobThumbnail({
  client,
  jobId,
  completed,
  alt,
}: {
  client: SimulateClient;
  jobId: string;
  completed: boolean;
  alt: string;
}) {
  const [element, setElement] = useState<HTMLElement | null>(null);
  const visible = useInView(element);
  const job = useQuery({
    ...getJobQueryOptions(client, jobId),
    enabled: visible && completed,
    // Only the thumbnail is read here; the row's status comes from the list's own polling.
    refetchInterval: false,
  });
  const src = job.data?.streams.find((stream) => stream.thumbnail_url)?.thumbnail_url ?? null;
  return <Frame src={src} alt={alt} setElement={setElement} />;
}
