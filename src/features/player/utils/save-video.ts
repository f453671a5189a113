// Saving a video to disk from a presigned URL, in the way each kind of server allows.
import type { RecordingFileReader } from "../../../api/simulate-client";
import { isSameOrigin, withDownloadParam } from "./presigned";

function clickDownloadLink(href: string, fileName: string): void {
  const link = document.createElement("a");
  link.href = href;
  link.download = fileName;
  link.rel = "noopener";
  link.style.display = "none";
  document.body.append(link);
  link.click();
  link.remove();
}

/**
 * "new-tab": asked the browser for a tab, which it may have blocked; with noopener it does not
 * say which.
 */
export type SaveOutcome = "downloading" | "new-tab";

/**
 * Opens `url` in a new tab that cannot reach back to the studio (`window.opener`) or learn its
 * address: the URL comes from a server's answer.
 */
export function openInNewTab(url: string): void {
  window.open(url, "_blank", "noopener,noreferrer");
}

export function saveBlob(blob: Blob, fileName: string): void {
  const href = URL.createObjectURL(blob);
  clickDownloadLink(href, fileName);
  // Revoked later, not at once: some browsers read the object URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
}

/**
 * Starts a download of `url` as `fileName`. The local engine serves its artifacts on the
 * page's origin and names the file itself when asked with `download=1`. A cloud bucket's
 * presigned URL must not be altered: with the studio server's relay, the file comes through
 * it; without, it is fetched and saved from memory, and when the bucket's CORS rules forbid
 * that, opened in a new tab for the person to save.
 */
export async function saveVideo(
  url: string,
  fileName: string,
  renew: () => Promise<string>,
  readFile?: RecordingFileReader,
): Promise<SaveOutcome> {
  const pageOrigin = window.location.origin;
  if (isSameOrigin(url, pageOrigin)) {
    clickDownloadLink(withDownloadParam(new URL(url, pageOrigin).href), fileName);
    return "downloading";
  }
  // The relay's refusals are worth showing as they are (an expired key, a cloud outage).
  if (readFile) {
    saveBlob(await readFile("video", { downloadAs: fileName }), fileName);
    return "downloading";
  }
  let current = url;
  try {
    let response = await fetch(current);
    if (response.status === 403) {
      current = await renew();
      response = await fetch(current);
    }
    if (!response.ok) throw new Error(`the server answered ${response.status}`);
    saveBlob(await response.blob(), fileName);
    return "downloading";
  } catch {
    openInNewTab(current);
    return "new-tab";
  }
}
