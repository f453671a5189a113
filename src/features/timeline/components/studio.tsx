// The studio: the open draft's editor (toolbar, preview, inspector, timeline or list, problems
// and script) around one draft store, with import by picker or by dropping anywhere. Which
// draft is open, and keeping it, is the drafts feature's; the app shell passes both in.
import { lazy, type ReactNode, Suspense, useCallback, useEffect, useMemo, useState } from "react";
import type { DraftSummary } from "../../../lib/draft/document";
import { prepareImage } from "../adapters/images";
import { readScriptFile } from "../adapters/script-io";
import { usePlayback } from "../hooks/use-playback";
import { type RefusedTimeline, StudioSubmitContext } from "../hooks/use-studio-submit";
import { useStudioShortcuts } from "../hooks/use-studio-shortcuts";
import { useFileDrag } from "../hooks/use-file-drag";
import { DEFAULT_COMMAND_UI } from "../commands/registry";
import { CommandUiContext } from "../commands/use-commands";
import { TimelineCheckContext } from "../hooks/use-timeline-check";
import { scriptToTimeline } from "../model/convert";
import { checkTimeline } from "../model/problems";
import type { StudioSubmitter } from "../model/submission";
import type { Timeline } from "../model/timeline";
import type { DraftData, DraftStore } from "../store/draft-store";
import { DraftStoreContext, useDraftStore } from "../store/use-draft-store";
import { EditorSplit } from "./editor-split";
import { imageTarget, placeDroppedFiles } from "./file-drop";
import {
  loadDropOverlay,
  loadListView,
  loadShortcutsSheet,
  preloadWhenIdle,
} from "./studio-chunks";
import { Inspector } from "./inspector";
import { Preview } from "./preview";
import { ProblemsPanel } from "./problems-panel";
import { ScriptPanel } from "./script-panel";
import { SubmitControls } from "./submit-controls";
import { StudioErrorBoundary } from "./studio-error-boundary";
import { type StudioView, StudioToolbar } from "./studio-toolbar";
import { TimelineView } from "./timeline-view";
import { toast } from "../../../lib/notify";

const StudioDropOverlay = lazy(loadDropOverlay);
const ListView = lazy(loadListView);
const ShortcutsSheet = lazy(loadShortcutsSheet);

export interface StudioDrafts {
  /** The open draft's store; null while it opens. */
  store: DraftStore | null;
  /** The stored drafts, for a batch. */
  drafts: readonly DraftSummary[];
  loadDraft(id: string): Promise<DraftData | null>;
  /** Opens an imported script as a new draft. */
  openScript(script: { name: string; timeline: Timeline }): Promise<void>;
  /** Saves the open draft as it is now, e.g. when the editor crashed. */
  saveNow(): void;
  /** Another tab holds the draft: it is shown, not edited. */
  readOnly: boolean;
}

export function Studio({
  drafts: kept,
  draftsMenu,
  notices,
  submitter = null,
}: {
  drafts: StudioDrafts;
  /** The drafts menu, shown with the title. */
  draftsMenu: ReactNode;
  /** Banners about the open draft, above the editor. */
  notices?: ReactNode;
  /** Where Submit sends scripts; without one the studio only edits. */
  submitter?: StudioSubmitter | null;
}) {
  const { store, drafts, loadDraft } = kept;
  // What the server named when it refused a timeline; it holds only while that timeline does.
  const [refused, setRefused] = useState<RefusedTimeline | null>(null);
  const submitContext = useMemo(
    () => ({ submitter, drafts, loadDraft, reportRefusal: setRefused }),
    [submitter, drafts, loadDraft],
  );

  if (!store) {
    return (
      <div className="flex flex-1 items-center justify-center text-sm text-zinc-500" role="status">
        Opening your draft…
      </div>
    );
  }
  return (
    <DraftStoreContext value={store}>
      <StudioSubmitContext value={submitContext}>
        {notices}
        <StudioErrorBoundary key={store.getState().draftId} onCrash={kept.saveNow}>
          <StudioEditor
            store={store}
            draftsMenu={draftsMenu}
            openScript={kept.openScript}
            readOnly={kept.readOnly}
            refused={refused}
          />
        </StudioErrorBoundary>
      </StudioSubmitContext>
    </DraftStoreContext>
  );
}

function dataUrlToBlob(dataUrl: string): Blob {
  const comma = dataUrl.indexOf(",");
  const mime = dataUrl.slice(5, dataUrl.indexOf(";"));
  const bytes = Uint8Array.from(atob(dataUrl.slice(comma + 1)), (c) => c.charCodeAt(0));
  return new Blob([bytes], { type: mime });
}

function StudioEditor({
  store,
  draftsMenu,
  openScript,
  readOnly,
  refused,
}: {
  store: DraftStore;
  draftsMenu: ReactNode;
  openScript: StudioDrafts["openScript"];
  readOnly: boolean;
  refused: RefusedTimeline | null;
}) {
  const timeline = useDraftStore((s) => s.timeline);
  const playing = useDraftStore((s) => s.playing);
  const check = useMemo(
    () => checkTimeline(timeline, refused?.timeline === timeline ? refused.refusals : []),
    [timeline, refused],
  );
  const [view, setView] = useState<StudioView>("timeline");
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const [shortcutsShown, setShortcutsShown] = useState(false);
  if (shortcutsOpen && !shortcutsShown) setShortcutsShown(true);
  usePlayback(store, playing);

  const setImageFromFile = useCallback(
    async (startId: string, file: File) => {
      const result = await prepareImage(file, store.getState().timeline.portrait);
      if (result.ok) store.getState().actions.setImage(startId, result.dataUrl, file);
      else toast.error(result.message);
    },
    [store],
  );

  const commandUi = useMemo(
    () => ({ ...DEFAULT_COMMAND_UI, showShortcuts: () => setShortcutsOpen(true) }),
    [],
  );
  const handlers = useMemo(
    () => ({
      ui: commandUi,
      onImagePaste: (startId: string, file: File) => void setImageFromFile(startId, file),
    }),
    [commandUi, setImageFromFile],
  );
  useStudioShortcuts(store, handlers);

  const importFile = useCallback(
    async (file: File) => {
      const result = await readScriptFile(file);
      if (!result.ok) {
        const details = result.problems
          ?.slice(0, 3)
          .map((p) => p.message)
          .join("; ");
        toast.error(`Could not import ${file.name}`, {
          description: details ? `${result.message}: ${details}` : result.message,
          duration: 12_000,
        });
        return;
      }
      const portrait = store.getState().timeline.portrait;
      const name = file.name.replace(/\.json$/i, "") || "Imported script";
      await openScript({ name, timeline: scriptToTimeline(result.script, { portrait }) });
      toast.success(`Imported ${file.name} as a new draft`);
    },
    [store, openScript],
  );

  const changeOrientation = useCallback(
    async (portrait: boolean) => {
      const { timeline: current, originals, actions } = store.getState();
      if (current.portrait === portrait) return;
      const images: Record<string, string> = {};
      const failures: string[] = [];
      await Promise.all(
        current.clips.map(async (clip) => {
          const source =
            originals[clip.start.id] ?? (clip.start.image ? dataUrlToBlob(clip.start.image) : null);
          if (!source) return;
          const file =
            source instanceof File ? source : new File([source], "image", { type: source.type });
          const result = await prepareImage(file, portrait);
          if (result.ok) images[clip.start.id] = result.dataUrl;
          else failures.push(result.message);
        }),
      );
      actions.setOrientation(portrait, images);
      if (failures.length > 0) toast.error(`Some images could not be re-cropped: ${failures[0]}`);
    },
    [store],
  );

  // Files dragged anywhere over the studio: a script opens as a new draft, an image on a stream
  // becomes its start's image (studio-drop-overlay.tsx, fetched on the first drag or when idle).
  const dropHandlers = useMemo(
    () => ({
      onScript: (file: File) => void importFile(file),
      onImage: (startId: string, file: File) => void setImageFromFile(startId, file),
    }),
    [importFile, setImageFromFile],
  );
  const fileDrag = useFileDrag(({ files, target }) =>
    placeDroppedFiles(files, imageTarget(target, store), dropHandlers),
  );
  useEffect(() => preloadWhenIdle(), []);

  return (
    <TimelineCheckContext value={check}>
      <CommandUiContext value={commandUi}>
        <div className="relative flex min-w-0 flex-1 flex-col gap-3 outline-none">
          {/* Compact, unlike other pages' headers: at 1024x768 the editor below must fit. */}
          <header className="flex min-w-0 flex-wrap items-center gap-x-4 gap-y-2">
            <h1 className="text-xl font-semibold tracking-tight">Studio</h1>
            {/* On a phone, a row of its own under the title rather than squeezed beside it. */}
            <div className="min-w-0 flex-1 text-sm text-zinc-600 max-sm:basis-full dark:text-zinc-400">
              {draftsMenu}
            </div>
            <div className="flex min-w-0 flex-wrap items-center gap-2">
              <SubmitControls />
            </div>
          </header>
          {/* Another tab holds the draft: nothing here can be reached until it is taken over. */}
          <div inert={readOnly} className="flex min-w-0 flex-col gap-3">
            <StudioToolbar
              view={view}
              onViewChange={setView}
              onOrientationChange={changeOrientation}
            />
            {/* A fixed height, so selecting another entry never shifts the timeline under the pointer. */}
            <EditorSplit preview={<Preview />} inspector={<Inspector />} />
            {view === "timeline" ? (
              <TimelineView />
            ) : (
              <Suspense fallback={<ListViewStandIn />}>
                <ListView />
              </Suspense>
            )}
            <div className="grid gap-4 lg:grid-cols-[22rem_minmax(0,1fr)]">
              <ProblemsPanel />
              <ScriptPanel onImportFile={(file) => void importFile(file)} />
            </div>
          </div>
          {/* Mounted from its first opening on, so it closes as a dialog does. */}
          {shortcutsShown ? (
            <Suspense fallback={null}>
              <ShortcutsSheet open={shortcutsOpen} onClose={() => setShortcutsOpen(false)} />
            </Suspense>
          ) : null}
          {fileDrag.dragging ? (
            <Suspense fallback={null}>
              <StudioDropOverlay handlers={dropHandlers} onEnd={fileDrag.end} />
            </Suspense>
          ) : null}
        </div>
      </CommandUiContext>
    </TimelineCheckContext>
  );
}

/** The list view's frame while its chunk arrives (it is fetched when the studio is idle). */
function ListViewStandIn() {
  return (
    <section
      aria-label="Entries"
      aria-busy
      className="h-[220px] overflow-hidden rounded-xl border border-zinc-200 bg-white shadow-sm dark:border-zinc-800 dark:bg-zinc-900"
    />
  );
}
