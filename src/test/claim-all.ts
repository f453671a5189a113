import type { DraftPersistence } from "../features/drafts/hooks/use-draft-session";

/**
 * `persistence` as the tab that writes every draft it saves: for tests of storage itself,
 * where who holds a draft is not the question (the session claims drafts one by one).
 */
export function claimingAll<P extends DraftPersistence>(persistence: P): P {
  return {
    ...persistence,
    schedule(data) {
      persistence.claim(data.draftId);
      return persistence.schedule(data);
    },
  };
}
