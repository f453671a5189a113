// The studio: the open draft's editor (toolbar, preview, inspector, timeline or list, problems
// and script) around one draft store, with import by picker or by dropping anywhere.
import { useCallback, useMemo, useState } from "react";
import { useDropzone } from "react-dropzone";
import { toast } from "sonner";
import { PageHeader } from "../../../components/page-header";
import { prepareImage } from "../adapters/images";
import { readScriptFile } from "../adapters/script-io";
import {
  type DraftPersistence,
  type DraftSession,
  newDraftData,
  type StartupDraft,
  useDraftSession,
} from "../hooks/use-draft-session";
import { usePlayback } from "../hooks/use-playback";
import { type RefusedTimeline, StudioSubmitContext } from "../hooks/use-studio-submit";
import { useStudioShortcuts } from "../hooks/use-studio-shortcuts";
import { TimelineCheckContext } from "../hooks/use-timeline-check";
import { scriptToTimeline } from "../model/convert";
import { checkTimeline } from "../model/problems";
import type { StudioSubmitter } from "../model/submission";
import { type DraftStore, draftData } from "../store/draft-store";
import { DraftStoreContext, useDraftStore } from "../store/use-draft-store";
import { DraftsMenu } from "./drafts-menu";
import { Inspector } from "./inspector";
import { ListView } from "./list-view";
import { Preview } from "./preview";
import { ProblemsPanel } from "./problems-panel";
import { ScriptPanel } from "./script-panel";
import { ShortcutsSheet } from "./shortcuts-sheet";
import { SubmitControls } from "./submit-controls";
import { StudioErrorBoundary } from "./studio-error-boundary";
import { type StudioView, StudioToolbar } from "./studio-toolbar";
import { TimelineView } from "./timeline-view";

export function Studio({
  persistence,
  takeStartupDraft,
  submitter = null,
}: {
  persistence: DraftPersistence;
  takeStartupDraft?: () => StartupDraft | { error: string } | null;
  /** Where Submit sends scripts; without one the studio only edits. */
  submitter?: StudioSubmitter | null;
}) {
  const [storageError, setStorageError] = useState<{
    message: string;
    stillSaving: boolean;
  } | null>(null);
  const onStorageError = useCallback(
    (message: string, { stillSaving = false }: { stillSaving?: boolean } = {}) => {
      // A draft not saved at all outranks edits saved a moment late.
      setStorageError((shown) => (shown && !shown.stillSaving ? shown : { message, stillSaving }));
      const title = stillSaving ? "Edits are not kept instantly" : "Your draft could not be saved";
      toast.error(title, { description: message, id: "storage-error" });
    },
    [],
  );
  const session = useDraftSession(persistence, { takeStartupDraft, onStorageError });
  const { store, drafts } = session;
  // What the server named when it refused a timeline; it holds only while that timeline does.
  const [refused, setRefused] = useState<RefusedTimeline | null>(null);
  const submitContext = useMemo(
    () => ({
      submitter,
      drafts,
      loadDraft: (id: string) => persistence.load(id),
      reportRefusal: setRefused,
    }),
    [submitter, drafts, persistence],
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
        {storageError ? (
          <div
            role="alert"
            className="mb-4 flex items-start justify-between gap-4 rounded-lg border border-amber-300 bg-amber-50 px-4 py-2 text-sm text-amber-900 dark:border-amber-500/40 dark:bg-amber-500/10 dark:text-amber-200"
          >
            <span>
              <strong className="font-semibold">
                {storageError.stillSaving
                  ? "Edits are not kept instantly."
                  : "Drafts are not being saved."}
              </strong>{" "}
              {storageError.message} Export the script to keep your work.
            </span>
            <button
              type="button"
              className="font-medium underline"
              onClick={() => setStorageError(null)}
            >
              Dismiss
            </button>
          </div>
        ) : null}
        <StudioErrorBoundary
          key={store.getState().draftId}
          onCrash={() => {
            // Save the store as it is now, not only what autosave has scheduled: the edit
            // that crashed the editor may have come before autosave heard of it.
            persistence.schedule(draftData(store.getState()));
            void session.flush();
          }}
        >
          <StudioEditor store={store} session={session} refused={refused} />
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
  session,
  refused,
}: {
  store: DraftStore;
  session: DraftSession;
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
  usePlayback(store, playing);

  const setImageFromFile = useCallback(
    async (startId: string, file: File) => {
      const result = await prepareImage(file, store.getState().timeline.portrait);
      if (result.ok) store.getState().actions.setImage(startId, result.dataUrl, file);
      else toast.error(result.message);
    },
    [store],
  );

  const handlers = useMemo(
    () => ({
      onShowShortcuts: () => setShortcutsOpen(true),
      onImagePaste: (startId: string, file: File) => void setImageFromFile(startId, file),
    }),
    [setImageFromFile],
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
      await session.newDraft(newDraftData(name, scriptToTimeline(result.script, { portrait })));
      toast.success(`Imported ${file.name} as a new draft`);
    },
    [store, session],
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

  // Dropping a script anywhere on the studio imports it; image drop zones take their own drops.
  const { getRootProps, isDragActive } = useDropzone({
    noClick: true,
    noKeyboard: true,
    multiple: false,
    onDrop: (accepted, rejected) => {
      const file = accepted[0] ?? rejected[0]?.file;
      if (!file) return;
      if (file.type.startsWith("image/")) {
        toast.error("Drop images on a stream's start in the inspector.");
        return;
      }
      void importFile(file);
    },
  });

  return (
    <TimelineCheckContext value={check}>
      <div {...getRootProps({ className: "relative flex flex-1 flex-col gap-4 outline-none" })}>
        <PageHeader
          title="Studio"
          description={<DraftsMenu session={session} />}
          actions={<SubmitControls />}
        />
        <StudioToolbar
          view={view}
          onViewChange={setView}
          onOrientationChange={changeOrientation}
          onShowShortcuts={() => setShortcutsOpen(true)}
        />
        {/* A fixed height, so selecting another entry never shifts the timeline under the pointer. */}
        <div className="grid gap-4 lg:h-[23rem] lg:grid-cols-[minmax(0,1fr)_22rem]">
          <Preview />
          <Inspector />
        </div>
        {view === "timeline" ? <TimelineView /> : <ListView />}
        <div className="grid gap-4 lg:grid-cols-[22rem_minmax(0,1fr)]">
          <ProblemsPanel />
          <ScriptPanel onImportFile={(file) => void importFile(file)} />
        </div>
        <ShortcutsSheet open={shortcutsOpen} onClose={() => setShortcutsOpen(false)} />
        {isDragActive ? (
          <div className="pointer-events-none absolute inset-0 z-40 flex items-center justify-center rounded-2xl border-2 border-dashed border-accent-500 bg-accent-50/80 text-base font-medium text-accent-700 dark:bg-accent-500/10 dark:text-accent-300">
            Drop a script (.json) to open it as a new draft
          </div>
        ) : null}
      </div>
    </TimelineCheckContext>
  );
}
