// "Test connection": one token exchange and one list call, with what the address answered
// put in words: a refused key, no network, a server that is not the Simulate API, or CORS.
import { ApiError } from "./api-error";
import type { SimulateClient } from "./simulate-client";

export type ConnectionProblem = "key" | "network" | "cors" | "not-simulate-api" | "server";

/** `title` is a few words for the outcome; `message` says what was found, never repeating it. */
export type ConnectionCheck =
  | { ok: true; title: string; message: string }
  | { ok: false; problem: ConnectionProblem; title: string; message: string };

interface CheckEnvironment {
  origin: string;
  fetch?: typeof fetch;
  keyHeldByServer?: boolean;
}

export async function checkConnection(
  client: SimulateClient,
  environment: CheckEnvironment,
): Promise<ConnectionCheck> {
  try {
    const token = await client.exchangeToken();
    const jobs = await client.listJobs({ limit: 1 });
    const life =
      token.expires_in === undefined
        ? "the server did not say how long tokens last"
        : `tokens last ${Math.round(token.expires_in / 60)} min`;
    return {
      ok: true,
      title: "Connected",
      message:
        `Reached ${client.root}. The key was accepted (${life}); ` +
        `${jobs.total === 1 ? "1 job is" : `${jobs.total} jobs are`} stored there for it.`,
    };
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    return explain(error, client.root, environment);
  }
}

/**
 * Why scripts cannot run yet, as Settings says it: the reasons shown elsewhere send the creator
 * to Settings, which reads oddly on the Settings page itself.
 */
export function notReadyCheck(reason: string): ConnectionCheck {
  const here = reason.replace(/ in Settings(?=[ .])/, " above");
  return { ok: false, problem: "key", title: "Not set up yet", message: here };
}

const WHERE_ROOTS_ARE =
  "An API root looks like http://127.0.0.1:8787/api for a local engine, or https://api.odyssey.ml for Odyssey's cloud.";

async function explain(
  error: ApiError,
  root: string,
  environment: CheckEnvironment,
): Promise<ConnectionCheck> {
  if (error.kind === "invalid-response") {
    return {
      ok: false,
      problem: "not-simulate-api",
      title: "Not the Simulate API",
      message: `${root} answered, but not as a Simulate API server does (its answer to ${error.request.method} ${error.request.path} has the wrong shape). ${WHERE_ROOTS_ARE}`,
    };
  }
  if (error.kind === "http" && (error.status === 401 || error.status === 403)) {
    if (environment.keyHeldByServer) {
      return {
        ok: false,
        problem: "key",
        title: "Key refused",
        message:
          `Odyssey's cloud refused the key the studio's server holds (${error.status}). ` +
          "Check ODYSSEY_API_KEY where the server is started.",
      };
    }
    return {
      ok: false,
      problem: "key",
      title: "Key refused",
      message: `${root} refused the API key (${error.status}). Check that it is copied whole and still active.`,
    };
  }
  if (error.kind === "http") return explainStatus(error, root);

  // The browser hides why a cross-origin request failed. An opaque (no-cors) request tells
  // the two cases apart: it succeeds when the server is there but does not allow this origin.
  if (new URL(root, environment.origin).origin !== environment.origin) {
    const fetchImpl = environment.fetch ?? globalThis.fetch.bind(globalThis);
    const reachable = await fetchImpl(root, { mode: "no-cors", cache: "no-store" }).then(
      () => true,
      () => false,
    );
    if (reachable) {
      return {
        ok: false,
        problem: "cors",
        title: "Blocked by the browser",
        message:
          `${root} answered, but the browser blocked the answer (CORS): that server does not ` +
          `allow requests from ${environment.origin}.`,
      };
    }
  }
  return {
    ok: false,
    problem: "network",
    title: "No answer",
    message: `Could not reach ${root}. Check the address and that you are online.`,
  };
}

/** An error status, in words: what it says about the address rather than its bare number. */
function explainStatus(error: ApiError, root: string): ConnectionCheck {
  const status = error.status ?? 0;
  const asked = `${error.request.method} ${error.request.path}`;
  if (status === 404 || status === 405) {
    return {
      ok: false,
      problem: "not-simulate-api",
      title: "No Simulate API at this address",
      message: `${root} answered, but has no Simulate API there: it does not know ${asked} (${status}). ${WHERE_ROOTS_ARE}`,
    };
  }
  if (status === 429) {
    const wait = error.retryAfterSeconds;
    return {
      ok: false,
      problem: "server",
      title: "Too many requests",
      message: `${root} is a Simulate API, but asks to wait before it is asked again${wait ? ` (${Math.ceil(wait)} s)` : ""}.`,
    };
  }
  if (status >= 500) {
    return {
      ok: false,
      problem: "server",
      title: "The server failed",
      message: `${root} is there, but failed while answering ${asked} (${status}). Try again shortly; if it keeps failing, its log says why.`,
    };
  }
  return {
    ok: false,
    problem: "not-simulate-api",
    title: "Unexpected answer",
    message: `${root} answered ${asked} with ${status}, which a Simulate API server does not. ${WHERE_ROOTS_ARE}`,
  };
}
