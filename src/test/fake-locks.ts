// Web Locks for unit tests, as two or more tabs of one browser see them: exclusive locks by
// name, `ifAvailable`, `steal` (the holder's request rejects with an AbortError), a queue, and
// `signal` to leave it. jsdom has no navigator.locks.

type Callback = (lock: Lock | null) => unknown;

interface Waiter {
  run(): void;
}

export function createLockRegistry() {
  const held = new Map<string, { reject(error: unknown): void } | null>();
  const queues = new Map<string, Waiter[]>();

  const next = (name: string) => {
    held.delete(name);
    const waiter = queues.get(name)?.shift();
    waiter?.run();
  };

  /** One tab's `navigator.locks`. */
  const manager = (): LockManager => {
    const request = (
      name: string,
      optionsOrCallback: LockOptions | Callback,
      maybeCallback?: Callback,
    ): Promise<unknown> => {
      const options = typeof optionsOrCallback === "function" ? {} : optionsOrCallback;
      const callback = (
        typeof optionsOrCallback === "function" ? optionsOrCallback : maybeCallback
      ) as Callback;
      return new Promise((resolve, reject) => {
        const grant = () => {
          const holder = { reject };
          held.set(name, holder);
          Promise.resolve()
            .then(() => callback({ name, mode: "exclusive" } as Lock))
            .then(
              (value) => {
                if (held.get(name) === holder) next(name);
                resolve(value);
              },
              (error: unknown) => {
                if (held.get(name) === holder) next(name);
                reject(error);
              },
            );
        };
        if (options.steal) {
          held.get(name)?.reject(new DOMException("The lock was stolen", "AbortError"));
          grant();
          return;
        }
        if (!held.has(name)) {
          grant();
          return;
        }
        if (options.ifAvailable) {
          Promise.resolve(callback(null)).then(resolve, reject);
          return;
        }
        const waiter: Waiter = { run: grant };
        const queue = queues.get(name) ?? [];
        queue.push(waiter);
        queues.set(name, queue);
        options.signal?.addEventListener("abort", () => {
          const at = queue.indexOf(waiter);
          if (at >= 0) queue.splice(at, 1);
          reject(new DOMException("Left the queue", "AbortError"));
        });
      });
    };
    return {
      request,
      query: async () => ({ held: [], pending: [] }),
    } as unknown as LockManager;
  };

  return { manager };
}
