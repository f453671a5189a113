// Keeps a recording's presigned URLs working: the player reports which URL failed or loaded,
// and this asks `refresh` for new ones under the rules in url-freshness.ts.
import { useCallback, useEffect, useEffectEvent, useReducer, useRef } from "react";
import type { Recording } from "../../../contract/jobs";
import {
  freshUrlsReducer,
  initialFreshUrls,
  needsRefresh,
  type UrlKind,
  type UrlState,
} from "../utils/url-freshness";

export interface FreshRecording {
  urls: Record<UrlKind, UrlState>;
  reportFailure(kind: UrlKind, url: string | null): void;
  reportLoaded(kind: UrlKind, url: string | null): void;
  /** Tries every given-up URL once more. */
  retry(): void;
}

export function useFreshRecording(
  recording: Recording,
  refresh: () => Promise<Recording>,
): FreshRecording {
  const [state, dispatch] = useReducer(freshUrlsReducer, recording, initialFreshUrls);
  // React's way to follow a prop: adjust state while rendering, not in an effect afterwards.
  if (state.given !== recording) dispatch({ type: "given", recording });

  // One request serves every URL that failed while it was out.
  const inFlight = useRef(false);
  const startRefresh = useEffectEvent(() => {
    inFlight.current = true;
    refresh().then(
      (fresh) => {
        inFlight.current = false;
        dispatch({ type: "refreshed", recording: fresh });
      },
      () => {
        inFlight.current = false;
        dispatch({ type: "refresh-failed" });
      },
    );
  });
  useEffect(() => {
    // No cancelling on cleanup: a late answer still belongs to this recording, and dispatching
    // after unmount does nothing.
    if (needsRefresh(state) && !inFlight.current) startRefresh();
  }, [state]);

  const reportFailure = useCallback(
    (kind: UrlKind, url: string | null) => dispatch({ type: "failed", kind, url }),
    [],
  );
  const reportLoaded = useCallback(
    (kind: UrlKind, url: string | null) => dispatch({ type: "loaded", kind, url }),
    [],
  );
  const retry = useCallback(() => dispatch({ type: "retry" }), []);

  return { urls: state.urls, reportFailure, reportLoaded, retry };
}
