// Saving a video to disk from a presigned URL, in the way each kind of server allows.
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

export type SaveOutcome = "downloading" | "opened-in-tab" | "blocked";

/**
 * Starts a download of `url` as `fileName`. The local engine serves its artifacts on the
 * page's origin and names the file itself when asked with `download=1`; a cloud bucket's
 * presigned URL must not be altered, so it is fetched and saved from memory, and when its
 * CORS rules forbid that, opened in a new tab for the person to save.
 */
export async function saveVideo(
  url: string,
  fileName: string,
  renew: () => Promise<string>,
): Promise<SaveOutcome> {
  const pageOrigin = window.location.origin;
  if (isSameOrigin(url, pageOrigin)) {
    clickDownloadLink(withDownloadParam(new URL(url, pageOrigin).href), fileName);
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
    const href = URL.createObjectURL(await response.blob());
    clickDownloadLink(href, fileName);
    // Revoked later, not at once: some browsers read the object URL after click() returns.
    setTimeout(() => URL.revokeObjectURL(href), 60_000);
    return "downloading";
  } catch {
    // Not opened with "noopener": that makes window.open return null, hiding a blocked popup.
    const tab = window.open(current, "_blank");
    if (!tab) return "blocked";
    tab.opener = null;
    return "opened-in-tab";
  }
}
