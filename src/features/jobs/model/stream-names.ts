// What a job's streams are called, on its page and in Compare: numbered within their script, as
// a creator counts them on the timeline, and saved under the engine's own file names.
export interface StreamName {
  /** "Stream 1", or "Script 2 · Stream 1" in a batch. */
  title: string;
  /** Numbered across the whole job: "simulate-1a2b3c4d-stream-3.mp4". */
  downloadName: string;
}

export function streamNames(job: {
  job_id: string;
  streams: readonly { script_index?: number | null }[];
}): StreamName[] {
  const batch = new Set(job.streams.map((s) => s.script_index ?? 0)).size > 1;
  const perScript = new Map<number, number>();
  return job.streams.map((stream, index) => {
    const script = stream.script_index ?? 0;
    const n = (perScript.get(script) ?? 0) + 1;
    perScript.set(script, n);
    return {
      title: batch ? `Script ${script + 1} · Stream ${n}` : `Stream ${n}`,
      downloadName: `simulate-${job.job_id.slice(0, 8)}-stream-${index + 1}.mp4`,
    };
  });
}
