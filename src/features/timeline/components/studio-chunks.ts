// The chunks that bring react-dropzone (and its file-selector), kept off the studio's first
// load: fetched when files are first dragged in or the image zone first shows, and once the
// studio is idle, so neither waits on the network when it is needed.

export const loadDropOverlay = () => import("./studio-drop-overlay");
export const loadImageDropZone = () =>
  import("./image-drop-zone").then((module) => ({ default: module.ImageDropZone }));

/** Fetches both when the browser is next idle; returns the cancel. */
export function preloadFileDropsWhenIdle(): () => void {
  const load = () => {
    // A failed fetch is retried by the lazy component that needs it.
    loadDropOverlay().catch(() => {});
    loadImageDropZone().catch(() => {});
  };
  if (typeof requestIdleCallback === "function") {
    const idle = requestIdleCallback(load, { timeout: 4000 });
    return () => cancelIdleCallback(idle);
  }
  const timer = setTimeout(load, 1500);
  return () => clearTimeout(timer);
}
