// "Download all" on a job's page: its streams' videos and events as one ZIP (utils/download-all).
import { useState } from "react";
import { Button } from "../../../components/button";
import { StrokeIcon } from "../../../components/stroke-icon";
import { toast } from "../../../lib/notify";
import {
  archiveName,
  pickZipTarget,
  saveZip,
  zipEntries,
  zipResponse,
  type ZipStream,
} from "../utils/download-all";

export function DownloadAllButton({ jobId, streams }: { jobId: string; streams: ZipStream[] }) {
  const [progress, setProgress] = useState<string | null>(null);
  const entries = zipEntries(streams);
  const videos = entries.filter((entry) => entry.kind === "video").length;

  const download = async () => {
    if (progress !== null || entries.length === 0) return;
    const fileName = archiveName(jobId);
    const target = await pickZipTarget(fileName);
    if (!target) return;
    setProgress("Preparing…");
    try {
      const response = zipResponse(entries, {
        onEntry: (index) => setProgress(`Adding ${entries[index]?.name ?? "file"}…`),
      });
      await saveZip(response, target, fileName);
      toast.success(`Saved ${fileName}`, {
        description: `${videos} ${videos === 1 ? "video" : "videos"} with their interaction events.`,
      });
    } catch (error) {
      toast.error("Could not download the videos", {
        description: error instanceof Error ? error.message : String(error),
      });
    } finally {
      setProgress(null);
    }
  };

  return (
    <div className="flex min-w-0 items-center gap-2">
      <Button
        onClick={() => void download()}
        disabled={videos === 0 || progress !== null}
        aria-busy={progress !== null || undefined}
        title={
          videos === 0
            ? "No stream has a video yet"
            : `One ZIP of ${videos} ${videos === 1 ? "video" : "videos"}`
        }
        className="shrink-0"
      >
        <StrokeIcon className="size-4 shrink-0">
          <path d="M12 3v12" />
          <path d="m7 10 5 5 5-5" />
          <path d="M5 21h14" />
        </StrokeIcon>
        Download all
      </Button>
      <span role="status" className="min-w-0 truncate text-xs text-zinc-500 dark:text-zinc-400">
        {progress}
      </span>
    </div>
  );
}
