// The studio's parts kept off its first load: react-dropzone (with its file-selector) behind the
// drop overlay and the image zone, the inspector's entry fields, the batch dialog, the timeline's
// context menu and its dragging (dnd-kit), the list view and the shortcuts sheet. Each is fetched
// when first needed, and all once the studio is idle, so none waits on the network when it is.
import { useCallback, useEffect, useState } from "react";
import type { EntryFields } from "./entry-fields";
import type { ImageDropZone } from "./image-drop-zone";
import type { SubmitBatchDialog } from "./submit-batch-dialog";
import type { TimelineContextMenu } from "./timeline-context-menu";
import type { TimelineDragLayer } from "./timeline-drag-layer";

export const loadDropOverlay = () => import("./studio-drop-overlay");
let imageDropZone: typeof ImageDropZone | undefined;
export const loadImageDropZone = () =>
  import("./image-drop-zone").then((module) => (imageDropZone = module.ImageDropZone));
/** The image zone if it has been fetched: then it renders at once, with no stand-in to swap. */
export const loadedImageDropZone = () => imageDropZone;
let entryFields: typeof EntryFields | undefined;
export const loadEntryFields = () =>
  import("./entry-fields").then((module) => (entryFields = module.EntryFields));
export const loadedEntryFields = () => entryFields;
let submitBatchDialog: typeof SubmitBatchDialog | undefined;
export const loadSubmitBatchDialog = () =>
  import("./submit-batch-dialog").then((module) => (submitBatchDialog = module.SubmitBatchDialog));
export const loadedSubmitBatchDialog = () => submitBatchDialog;
let contextMenu: typeof TimelineContextMenu | undefined;
export const loadContextMenu = () =>
  import("./timeline-context-menu").then((module) => (contextMenu = module.TimelineContextMenu));
export const loadedContextMenu = () => contextMenu;
let dragLayer: typeof TimelineDragLayer | undefined;
export const loadDragLayer = () =>
  import("./timeline-drag-layer").then((module) => (dragLayer = module.TimelineDragLayer));
export const loadedDragLayer = () => dragLayer;
export const loadListView = () =>
  import("./list-view").then((module) => ({ default: module.ListView }));
export const loadShortcutsSheet = () =>
  import("./shortcuts-sheet").then((module) => ({ default: module.ShortcutsSheet }));

/** Runs `then` when the browser is next idle; returns the cancel. */
function whenIdle(then: () => void): () => void {
  if (typeof requestIdleCallback === "function") {
    const idle = requestIdleCallback(then, { timeout: 4000 });
    return () => cancelIdleCallback(idle);
  }
  const timer = setTimeout(then, 1500);
  return () => clearTimeout(timer);
}

/** Fetches them all when the browser is next idle; returns the cancel. */
export function preloadWhenIdle(): () => void {
  return whenIdle(() => {
    // A failed fetch is retried by the lazy component that needs it.
    for (const chunk of [
      loadDropOverlay,
      loadImageDropZone,
      loadEntryFields,
      loadSubmitBatchDialog,
      loadContextMenu,
      loadDragLayer,
      loadListView,
      loadShortcutsSheet,
    ])
      chunk().catch(() => {});
  });
}

/**
 * The timeline's drag layer, fetched when the browser is first idle or at the first press on
 * the track (`want`), whichever comes first. `failed` once that fetch has failed: the timeline
 * then says so, and everything but dragging still works.
 */
export function useDragLayer() {
  const [layer, setLayer] = useState(loadedDragLayer);
  const [wanted, setWanted] = useState(false);
  const [failed, setFailed] = useState(false);
  useEffect(() => (layer ? undefined : whenIdle(() => setWanted(true))), [layer]);
  useEffect(() => {
    if (!wanted || layer) return;
    let live = true;
    loadDragLayer().then(
      (part) => {
        if (live) setLayer(() => part);
      },
      () => {
        if (live) setFailed(true);
      },
    );
    return () => {
      live = false;
    };
  }, [wanted, layer]);
  const want = useCallback(() => setWanted(true), []);
  return { DragLayer: layer, failed, want };
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
