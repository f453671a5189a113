// Download and Copy link for a stream's video. Both renew a link about to expire first, so what
// lands in a download or a clipboard still works.
import { useState } from "react";
import type { Recording } from "../../../contract/jobs";
import { expiryPhrase, isExpiring } from "../utils/presigned";
import type { RecordingFileReader } from "../../../api/simulate-client";
import { openInNewTab, saveVideo } from "../utils/save-video";
import { Button } from "../../../components/button";
import { StrokeIcon } from "../../../components/stroke-icon";
import { toast } from "../../../lib/notify";

function messageOf(error: unknown): string {
  if (error instanceof DOMException && error.name === "NotAllowedError") {
    return "The browser did not allow the studio to use the clipboard.";
  }
  return error instanceof Error ? error.message : String(error);
}

export function PlayerActions({
  videoUrl,
  downloadName,
  refresh,
  readFile,
}: {
  videoUrl: string | null;
  downloadName: string;
  refresh: () => Promise<Recording>;
  readFile?: RecordingFileReader | undefined;
}) {
  const [downloading, setDownloading] = useState(false);

  const renew = async () => {
    const fresh = (await refresh()).video_url;
    if (!fresh) throw new Error("The recording no longer has a video.");
    return fresh;
  };
  const usableUrl = async (url: string) => (isExpiring(url, Date.now()) ? renew() : url);

  const download = async () => {
    if (!videoUrl || downloading) return;
    setDownloading(true);
    try {
      const outcome = await saveVideo(await usableUrl(videoUrl), downloadName, renew, readFile);
      if (outcome === "new-tab") {
        // The page cannot tell an opened tab from a blocked one, so both are offered.
        toast.info("Opened the video in a new tab", {
          description:
            "Its server does not let the studio save it directly: save it from the new tab. " +
            "If no tab opened, the browser blocked it: Open video tries again.",
          action: { label: "Open video", onClick: () => openInNewTab(videoUrl) },
        });
      }
    } catch (error) {
      toast.error("Could not download the video", { description: messageOf(error) });
    } finally {
      setDownloading(false);
    }
  };

  const copyLink = async () => {
    if (!videoUrl) return;
    try {
      const url = new URL(await usableUrl(videoUrl), window.location.href).href;
      await navigator.clipboard.writeText(url);
      toast.success("Link copied", {
        description: `Anyone with the link can watch the video. It expires ${expiryPhrase(url, Date.now())}.`,
      });
    } catch (error) {
      toast.error("Could not copy the link", { description: messageOf(error) });
    }
  };

  return (
    <div className="flex items-center gap-2">
      <ActionButton label="Copy link" onClick={copyLink} disabled={!videoUrl}>
        <path d="M10 13a5 5 0 0 0 7.54.54l3-3a5 5 0 0 0-7.07-7.07l-1.72 1.71" />
        <path d="M14 11a5 5 0 0 0-7.54-.54l-3 3a5 5 0 0 0 7.07 7.07l1.71-1.71" />
      </ActionButton>
      <ActionButton
        label="Download"
        onClick={download}
        disabled={!videoUrl || downloading}
        busy={downloading}
      >
        {downloading ? (
          <path d="M21 12a9 9 0 1 1-6.22-8.56" />
        ) : (
          <>
            <path d="M12 3v12" />
            <path d="m7 10 5 5 5-5" />
            <path d="M5 21h14" />
          </>
        )}
      </ActionButton>
    </div>
  );
}

function ActionButton({
  label,
  onClick,
  disabled,
  busy,
  children,
}: {
  label: string;
  onClick: () => void;
  disabled: boolean;
  busy?: boolean;
  /** The icon's strokes, on a 24x24 grid. */
  children: React.ReactNode;
}) {
  return (
    <Button onClick={onClick} disabled={disabled} aria-busy={busy || undefined}>
      <StrokeIcon
        className={`size-4 shrink-0 ${busy ? "animate-spin motion-reduce:animate-none" : ""}`}
      >
        {children}
      </StrokeIcon>
      {label}
    </Button>
  );
}
