// Toasts for the whole app, through sonner: a repeat of a toast still showing updates it with
// a count ("Script JSON copied (×3)") instead of stacking another, a toast given the id of one
// showing replaces it in place (a job's one toast, from submitted through progress to result), at most MAX_TOASTS show at
// once (a new one retires the oldest), each appears away from the control just used (at the
// top when that control is in the lower half of the window, else at the bottom), and every
// toast leaves by a deadline, even while the pointer rests on it (sonner pauses its timers on
// hover, so a toast under a resting pointer would otherwise stay forever).
// sonner itself is fetched on the first toast or once the app is idle, off the first load.
import type * as SonnerModule from "sonner";
import type { ExternalToast } from "sonner";

type Sonner = typeof SonnerModule;
let sonner: Sonner["toast"] | undefined;
let loading: Promise<Sonner> | undefined;
/** Calls made before sonner arrived, in order. */
const waiting: ((toast: Sonner["toast"]) => void)[] = [];
let announceLoaded: (module: Sonner) => void = () => {};
/** Settles once sonner is here, without asking for it (the Toaster waits on this). */
export const sonnerLoaded = new Promise<Sonner>((resolve) => (announceLoaded = resolve));

/** Fetches sonner once; a failed fetch is retried by the next toast. */
export function loadSonner(): Promise<Sonner> {
  loading ??= import("sonner").then(
    (module) => {
      sonner = module.toast;
      for (const call of waiting.splice(0)) call(module.toast);
      announceLoaded(module);
      return module;
    },
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

function withSonner(call: (toast: Sonner["toast"]) => void): void {
  if (sonner) return call(sonner);
  waiting.push(call);
  loadSonner().catch(() => {});
}

export const MAX_TOASTS = 3;
/** sonner's own default, for toasts that do not set a duration. */
export const DEFAULT_DURATION_MS = 4000;
/** Time on top of a toast's duration to read it while hovering, or to reach its action. */
export const HOVER_GRACE_MS = 8000;

type Kind = "message" | "success" | "info" | "warning" | "error";
type Title = string;
type Position = NonNullable<ExternalToast["position"]>;

/** Where the Toaster puts toasts raised by a control in the upper half, or by no control. */
export const LOWER_POSITION: Position = "bottom-right";
export const UPPER_POSITION: Position = "top-center";

let lastPointerY: number | null = null;
// Installed once, before any toast: a click on a control that takes no focus (a div with a
// handler) is still known by where it happened.
if (typeof document !== "undefined") {
  document.addEventListener(
    "pointerdown",
    (event) => {
      lastPointerY = event.clientY;
    },
    { capture: true, passive: true },
  );
}

/** Away from the control just used: the focused element, else the last place pressed. */
export function positionAwayFromControl(): Position {
  if (typeof document === "undefined") return LOWER_POSITION;
  const active = document.activeElement;
  let y = lastPointerY;
  if (active instanceof HTMLElement && active !== document.body) {
    const box = active.getBoundingClientRect();
    if (box.height > 0) y = box.top + box.height / 2;
  }
  return y !== null && y > window.innerHeight / 2 ? UPPER_POSITION : LOWER_POSITION;
}

interface Live {
  title: Title;
  description: ExternalToast["description"];
  count: number;
  deadline: ReturnType<typeof setTimeout> | undefined;
}

/** Toasts showing now, oldest first (a Map keeps insertion order). */
const live = new Map<string | number, Live>();

function forget(id: string | number): void {
  clearTimeout(live.get(id)?.deadline);
  live.delete(id);
}

function show(kind: Kind, title: Title, options: ExternalToast = {}): string | number {
  // One toast per message: the caller's id when it gives one, else the kind and the words.
  const id = options.id ?? `${kind}:${title}`;
  const previous = live.get(id);
  // Counted only while the words repeat: a caller's id may carry a new message, or the same
  // title with new details (a job's progress), which replaces the toast without a count.
  const repeat = previous?.title === title && previous.description === options.description;
  const count = previous && repeat ? previous.count + 1 : 1;
  // An update keeps its place in the order, as sonner keeps the toast's place on screen, so the
  // toast retired next is still the one that appeared first.
  if (previous) clearTimeout(previous.deadline);
  else {
    for (const oldest of [...live.keys()].slice(0, Math.max(0, live.size - MAX_TOASTS + 1))) {
      forget(oldest);
      withSonner((api) => api.dismiss(oldest));
    }
  }
  const duration = options.duration ?? DEFAULT_DURATION_MS;
  const entry: Live = { title, description: options.description, count, deadline: undefined };
  if (Number.isFinite(duration)) {
    entry.deadline = setTimeout(() => {
      forget(id);
      withSonner((api) => api.dismiss(id));
    }, duration + HOVER_GRACE_MS);
  }
  live.set(id, entry);
  const data: ExternalToast = {
    // A repeat stays where it first appeared, so it does not jump.
    ...(!previous && { position: positionAwayFromControl() }),
    ...options,
    id,
    duration,
    onDismiss: (t) => {
      forget(id);
      options.onDismiss?.(t);
    },
    onAutoClose: (t) => {
      forget(id);
      options.onAutoClose?.(t);
    },
  };
  const text = count > 1 ? `${title} (×${count})` : title;
  withSonner((api) => {
    if (kind === "message") api(text, data);
    else api[kind](text, data);
  });
  return id;
}

/** sonner's `toast`, with repeats merged, a limit on how many show, and a deadline. */
export const toast = Object.assign(
  (title: Title, options?: ExternalToast) => show("message", title, options),
  {
    success: (title: Title, options?: ExternalToast) => show("success", title, options),
    info: (title: Title, options?: ExternalToast) => show("info", title, options),
    warning: (title: Title, options?: ExternalToast) => show("warning", title, options),
    error: (title: Title, options?: ExternalToast) => show("error", title, options),
    dismiss: (id?: string | number) => {
      if (id === undefined) for (const each of [...live.keys()]) forget(each);
      else forget(id);
      withSonner((api) => api.dismiss(id));
      return id;
    },
  },
);
