// The studio's parts kept off its first load: react-dropzone (with its file-selector) behind the
// drop overlay and the image zone, the list view and the shortcuts sheet. Each is fetched when
// first needed, and all once the studio is idle, so none waits on the network when it is.
import type { ImageDropZone } from "./image-drop-zone";

export const loadDropOverlay = () => import("./studio-drop-overlay");
let imageDropZone: typeof ImageDropZone | undefined;
export const loadImageDropZone = () =>
  import("./image-drop-zone").then((module) => (imageDropZone = module.ImageDropZone));
/** The image zone if it has been fetched: then it renders at once, with no stand-in to swap. */
export const loadedImageDropZone = () => imageDropZone;
export const loadListView = () =>
  import("./list-view").then((module) => ({ default: module.ListView }));
export const loadShortcutsSheet = () =>
  import("./shortcuts-sheet").then((module) => ({ default: module.ShortcutsSheet }));

/** Fetches them all when the browser is next idle; returns the cancel. */
export function preloadWhenIdle(): () => void {
  const load = () => {
    // A failed fetch is retried by the lazy component that needs it.
    for (const chunk of [loadDropOverlay, loadImageDropZone, loadListView, loadShortcutsSheet])
      chunk().catch(() => {});
  };
  if (typeof requestIdleCallback === "function") {
    const idle = requestIdleCallback(load, { timeout: 4000 });
    return () => cancelIdleCallback(idle);
  }
  const timer = setTimeout(load, 1500);
  return () => clearTimeout(timer);
}
