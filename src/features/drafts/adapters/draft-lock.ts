// One tab edits a draft at a time: a Web Lock per draft, held while the draft is open for
// editing. A tab that finds the lock taken shows the draft read-only and waits in the lock's
// queue, so it is handed the draft when the other tab closes it (or closes, or crashes: the
// browser frees a tab's locks when it goes). "Take over" steals the lock; the tab that held it
// is told at once and turns read-only. A tab reloaded while it was editing claims the lock back
// at once (a steal), so a tab that was only following does not keep the draft it was handed
// while the page reloaded. Where there are no Web Locks, every tab edits.

export type LockState = "pending" | "editing" | "elsewhere";

export interface DraftLock {
  /** Takes the lock from the tab that holds it. */
  takeOver(): void;
  /** Frees the lock, or leaves the queue for it. */
  release(): void;
}

const lockName = (draftId: string) => `simulate-studio-draft:${draftId}`;

function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === "AbortError";
}

export function lockDraft(
  locks: LockManager | undefined,
  draftId: string,
  onChange: (state: LockState) => void,
  options: { claim?: boolean } = {},
): DraftLock {
  if (!locks) {
    onChange("editing");
    return { takeOver: () => undefined, release: () => undefined };
  }
  const name = lockName(draftId);
  let released = false;
  // Resolving it ends the callback that holds the lock, which frees the lock.
  let letGo: (() => void) | null = null;
  let leaveQueue: AbortController | null = null;

  const hold = () => {
    if (released) return Promise.resolve();
    onChange("editing");
    return new Promise<void>((resolve) => (letGo = resolve));
  };

  // The lock's request ends when it is let go, or rejects when another tab steals it.
  const held = (request: Promise<unknown>, queue?: AbortController) => {
    request.then(
      () => undefined,
      (error: unknown) => {
        // Left the queue on purpose: to take over, or to close.
        if (released || queue?.signal.aborted) return;
        letGo = null;
        if (!isAbort(error)) console.warn("Draft lock:", error);
        // Stolen (or refused): someone else edits now; wait for the lock again.
        onChange("elsewhere");
        wait();
      },
    );
  };

  const wait = () => {
    const queue = new AbortController();
    leaveQueue = queue;
    held(locks.request(name, { signal: queue.signal }, hold), queue);
  };

  const handle: DraftLock = {
    takeOver() {
      if (released || letGo) return;
      const queued = leaveQueue;
      leaveQueue = null;
      queued?.abort();
      held(locks.request(name, { steal: true }, hold));
    },
    release() {
      released = true;
      leaveQueue?.abort();
      leaveQueue = null;
      letGo?.();
      letGo = null;
    },
  };

  if (options.claim) {
    held(locks.request(name, { steal: true }, hold));
    return handle;
  }
  held(
    locks.request(name, { ifAvailable: true }, (lock) => {
      if (lock) return hold();
      if (!released) {
        onChange("elsewhere");
        wait();
      }
      return undefined;
    }),
  );
  return handle;
}

/**
 * Runs `fn` holding draft `id`'s lock, so no tab edits the draft meanwhile; "elsewhere" when a
 * tab has it open. A null id runs `fn` without the lock (the draft is this tab's already).
 */
export async function withDraftLock<T>(
  locks: LockManager | undefined,
  draftId: string | null,
  fn: () => Promise<T>,
): Promise<T | "elsewhere"> {
  if (!locks || draftId === null) return fn();
  return locks.request(lockName(draftId), { ifAvailable: true }, async (lock) =>
    lock ? fn() : ("elsewhere" as const),
  );
}
