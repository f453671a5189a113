// When to renew a recording's presigned URLs. A URL that fails gets one refresh; a URL that
// came from a refresh and fails before it ever loaded is given up on, so a broken file or a
// server that keeps handing out dead links never turns into a refresh loop.
import type { Recording } from "../../../contract/jobs";

export type UrlKind = "video" | "poster" | "events";
export const URL_KINDS: readonly UrlKind[] = ["video", "poster", "events"];

const FIELDS = {
  video: "video_url",
  poster: "thumbnail_url",
  events: "events_url",
} as const satisfies Record<UrlKind, keyof Recording>;

export function urlOf(recording: Recording, kind: UrlKind): string | null {
  return recording[FIELDS[kind]] ?? null;
}

export interface UrlState {
  url: string | null;
  /** "refreshing" while a refresh for this URL is under way; "failed" once given up on. */
  status: "ready" | "refreshing" | "failed";
  /** Came from refresh() rather than from the recording the player was given. */
  refreshed: boolean;
  /** Loaded at least once: a later failure is a new expiry, not a URL that never worked. */
  loaded: boolean;
  /** Counts the person's retries, so a retry that gets the same URL back loads it again. */
  retries: number;
}

export function initialUrlState(url: string | null): UrlState {
  return { url, status: "ready", refreshed: false, loaded: false, retries: 0 };
}

export type FailureDecision = "ignore" | "refresh" | "give-up";

export function decideOnFailure(state: UrlState, failedUrl: string | null): FailureDecision {
  // A late error from a URL already replaced, or one already being dealt with.
  if (failedUrl === null || failedUrl !== state.url || state.status !== "ready") return "ignore";
  if (state.refreshed && !state.loaded) return "give-up";
  return "refresh";
}

export function onFailure(state: UrlState, failedUrl: string | null): UrlState {
  switch (decideOnFailure(state, failedUrl)) {
    case "ignore":
      return state;
    case "refresh":
      return { ...state, status: "refreshing" };
    case "give-up":
      return { ...state, status: "failed" };
  }
}

export function onLoaded(state: UrlState, loadedUrl: string | null): UrlState {
  if (loadedUrl !== state.url || state.loaded) return state;
  return { ...state, loaded: true };
}

export function onRefreshed(state: UrlState, freshUrl: string | null): UrlState {
  if (state.status !== "refreshing") return state;
  if (freshUrl === null) return { ...state, status: "failed" };
  // On its own, the same URL again cannot work better than it just did; when the person asked,
  // it is tried once more, since what failed may have been the network.
  if (freshUrl === state.url && state.retries === 0) return { ...state, status: "failed" };
  return { ...state, url: freshUrl, status: "ready", refreshed: true, loaded: false };
}

export function onRefreshFailed(state: UrlState): UrlState {
  return state.status === "refreshing" ? { ...state, status: "failed" } : state;
}

/** The person asked to try again: one more refresh, under the same rule. */
export function onRetry(state: UrlState): UrlState {
  return state.status === "failed"
    ? { ...state, status: "refreshing", retries: state.retries + 1 }
    : state;
}

/**
 * The parent passed the recording again, often with new signatures after a refetch. A URL
 * that works is kept, because swapping a playing video's src restarts it; a missing or given-up
 * one takes the new URL.
 */
export function onGiven(state: UrlState, givenUrl: string | null): UrlState {
  if (givenUrl === null || givenUrl === state.url) return state;
  if (state.url === null || state.status === "failed") return initialUrlState(givenUrl);
  return state;
}

// ---- All of a recording's URLs together ---------------------------------------------------

export interface FreshUrls {
  given: Recording;
  urls: Record<UrlKind, UrlState>;
}

export type FreshAction =
  | { type: "given"; recording: Recording }
  | { type: "failed"; kind: UrlKind; url: string | null }
  | { type: "loaded"; kind: UrlKind; url: string | null }
  | { type: "refreshed"; recording: Recording }
  | { type: "refresh-failed" }
  | { type: "retry" };

export function initialFreshUrls(recording: Recording): FreshUrls {
  return {
    given: recording,
    urls: {
      video: initialUrlState(urlOf(recording, "video")),
      poster: initialUrlState(urlOf(recording, "poster")),
      events: initialUrlState(urlOf(recording, "events")),
    },
  };
}

function mapUrls(state: FreshUrls, update: (url: UrlState, kind: UrlKind) => UrlState): FreshUrls {
  let changed = false;
  const urls = { ...state.urls };
  for (const kind of URL_KINDS) {
    urls[kind] = update(state.urls[kind], kind);
    changed ||= urls[kind] !== state.urls[kind];
  }
  return changed ? { ...state, urls } : state;
}

export function freshUrlsReducer(state: FreshUrls, action: FreshAction): FreshUrls {
  switch (action.type) {
    case "given":
      if (action.recording === state.given) return state;
      return {
        ...mapUrls(state, (url, kind) => onGiven(url, urlOf(action.recording, kind))),
        given: action.recording,
      };
    case "failed":
      return mapUrls(state, (url, kind) =>
        kind === action.kind ? onFailure(url, action.url) : url,
      );
    case "loaded":
      return mapUrls(state, (url, kind) =>
        kind === action.kind ? onLoaded(url, action.url) : url,
      );
    case "refreshed":
      // Only the URLs that asked are swapped: the others work, and swapping the video restarts it.
      return mapUrls(state, (url, kind) => onRefreshed(url, urlOf(action.recording, kind)));
    case "refresh-failed":
      return mapUrls(state, onRefreshFailed);
    case "retry":
      return mapUrls(state, onRetry);
  }
}

export function needsRefresh(state: FreshUrls): boolean {
  return URL_KINDS.some((kind) => state.urls[kind].status === "refreshing");
}
