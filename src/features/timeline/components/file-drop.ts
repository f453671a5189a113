// What a file dropped on the studio does, wherever the drop was caught: by the drop overlay
// (studio-drop-overlay.tsx, with react-dropzone) or, for a drop made before the overlay arrived
// or dispatched at an element, by the window's listener (use-file-drag.ts). Kept out of the
// overlay's chunk so that second path acts at once instead of mounting the overlay after the
// drop, where it would cover the page for a moment and take the creator's next click.
import { toast } from "../../../lib/notify";
import { streamName } from "../model/stream-look";
import type { DraftStore } from "../store/draft-store";

/** A stream's start that an image dropped here would go to. */
export interface ImageTarget {
  startId: string;
  name: string;
  element: Element;
}

export interface DropHandlers {
  onScript: (file: File) => void;
  onImage: (startId: string, file: File) => void;
}

function isScriptFile(file: File): boolean {
  return file.type === "application/json" || /\.json$/i.test(file.name);
}

/** The start an image dropped on `element` goes to: a stream's clip, or a start's image zone. */
export function imageTarget(element: Element | null, store: DraftStore): ImageTarget | null {
  const host = element?.closest("[data-clip],[data-start-image]");
  // A read-only draft (open in another tab) takes no image.
  if (!host || host.closest("[inert]")) return null;
  const clipId = host.getAttribute("data-clip");
  const startId = host.getAttribute("data-start-image");
  const { clips } = store.getState().timeline;
  const index = clips.findIndex((clip) =>
    clipId !== null ? clip.id === clipId : clip.start.id === startId,
  );
  const clip = clips[index];
  if (!clip) return null;
  return { startId: clip.start.id, name: streamName(clip, index), element: host };
}

/** A script opens as a new draft; an image goes to the stream it was dropped on. */
export function placeDroppedFiles(
  files: readonly File[],
  target: ImageTarget | null,
  { onScript, onImage }: DropHandlers,
): void {
  const file = files[0];
  if (!file) return;
  if (isScriptFile(file)) onScript(file);
  // prepareImage reads the bytes and says what is wrong with anything else.
  else if (target) onImage(target.startId, file);
  else if (file.type.startsWith("image/"))
    toast.error(`${file.name} was not dropped on a stream`, {
      description: "Drop an image on a stream on the timeline, or on its start's image zone.",
    });
  // readScriptFile says what is wrong with it.
  else onScript(file);
}
