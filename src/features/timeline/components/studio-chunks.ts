// The studio's parts kept off its first load: react-dropzone (with its file-selector) behind the
// drop overlay and the image zone, the inspector's entry fields, the batch dialog, the timeline's
// context menu, the list view and the shortcuts sheet. Each is fetched when first needed, and all
// once the studio is idle, so none waits on the network when it is.
import { useEffect } from "react";
import type { EntryFields } from "./entry-fields";
import type { ImageDropZone } from "./image-drop-zone";
import type { SubmitBatchDialog } from "./submit-batch-dialog";
import type { TimelineContextMenu } from "./timeline-context-menu";

/**
 * A part that, once fetched, is remembered: `loaded()` hands it over synchronously, so a
 * component can start from it (`useState(loaded)`) and render it at once with no stand-in.
 */
function part<Part>(fetch: () => Promise<Part>) {
  let fetched: Part | undefined;
  return {
    load: () => fetch().then((module) => (fetched = module)),
    loaded: () => fetched,
  };
}

export const loadDropOverlay = () => import("./studio-drop-overlay");
const imageDropZone = part<typeof ImageDropZone>(() =>
  import("./image-drop-zone").then((module) => module.ImageDropZone),
);
export const { load: loadImageDropZone, loaded: loadedImageDropZone } = imageDropZone;
const entryFields = part<typeof EntryFields>(() =>
  import("./entry-fields").then((module) => module.EntryFields),
);
export const { load: loadEntryFields, loaded: loadedEntryFields } = entryFields;
const submitBatchDialog = part<typeof SubmitBatchDialog>(() =>
  import("./submit-batch-dialog").then((module) => module.SubmitBatchDialog),
);
export const { load: loadSubmitBatchDialog, loaded: loadedSubmitBatchDialog } = submitBatchDialog;
const contextMenu = part<typeof TimelineContextMenu>(() =>
  import("./timeline-context-menu").then((module) => module.TimelineContextMenu),
);
export const { load: loadContextMenu, loaded: loadedContextMenu } = contextMenu;
export const loadListView = () =>
  import("./list-view").then((module) => ({ default: module.ListView }));
export const loadShortcutsSheet = () =>
  import("./shortcuts-sheet").then((module) => ({ default: module.ShortcutsSheet }));

/** Fetches them all when the browser is next idle; returns the cancel. */
export function preloadWhenIdle(): () => void {
  const load = () => {
    // A failed fetch is retried by the lazy component that needs it.
    for (const chunk of [
      loadDropOverlay,
      loadImageDropZone,
      loadEntryFields,
      loadSubmitBatchDialog,
      loadContextMenu,
      loadListView,
      loadShortcutsSheet,
    ])
      chunk().catch(() => {});
  };
  if (typeof requestIdleCallback === "function") {
    const idle = requestIdleCallback(load, { timeout: 4000 });
    return () => cancelIdleCallback(idle);
  }
  const timer = setTimeout(load, 1500);
  return () => clearTimeout(timer);
}

/**
 * Fetches a part kept off the first load once `wanted`, and hands it to `got` (a state setter, so
 * it renders at once from then on; React.lazy would suspend on each first render even once
 * fetched, so the part would blink out whenever it mounts again).
 */
export function useFetchPart<Part>(
  wanted: boolean,
  load: () => Promise<Part>,
  got: (part: () => Part) => void,
) {
  useEffect(() => {
    if (!wanted) return;
    let live = true;
    load().then(
      (part) => {
        if (live) got(() => part);
      },
      // Fetched again when next wanted; until then the caller keeps its stand-in.
      () => {},
    );
    return () => {
      live = false;
    };
  }, [wanted, load, got]);
}
