import { useSyncExternalStore } from "react";
import type { Timeline } from "../../../lib/draft/document";
import type { DraftDocumentStore } from "./use-draft-session";

/** The open draft's timeline, live, for what the drafts feature shows about it. */
export function useOpenTimeline(store: DraftDocumentStore | null): Timeline | null {
  return useSyncExternalStore(
    (notify) => store?.subscribe(notify) ?? (() => undefined),
    () => store?.getState().timeline ?? null,
  );
}
