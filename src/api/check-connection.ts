// "Test connection": one token exchange and one list call, with the failure named exactly:
// a refused key, no network, a server that is not the Simulate API, or CORS.
import { ApiError } from "./api-error";
import type { SimulateClient } from "./simulate-client";

export type ConnectionCheck =
  | { ok: true; message: string }
  | {
      ok: false;
      problem: "key" | "network" | "cors" | "not-simulate-api" | "server";
      message: string;
    };

export async function checkConnection(
  client: SimulateClient,
  environment: { origin: string; fetch?: typeof fetch; keyHeldByServer?: boolean },
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
      message:
        `Reached ${client.root}. The key was accepted (${life}); ` +
        `${jobs.total === 1 ? "1 job is" : `${jobs.total} jobs are`} stored there for it.`,
    };
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    return explain(error, client.root, environment);
  }
}

async function explain(
  error: ApiError,
  root: string,
  environment: { origin: string; fetch?: typeof fetch; keyHeldByServer?: boolean },
): Promise<ConnectionCheck> {
  if (error.kind === "invalid-response") {
    return { ok: false, problem: "not-simulate-api", message: error.message };
  }
  if (error.kind === "http" && (error.status === 401 || error.status === 403)) {
    if (environment.keyHeldByServer) {
      return {
        ok: false,
        problem: "key",
        message:
          `Odyssey's cloud refused the key the studio's server holds (${error.status}). ` +
          "Check ODYSSEY_API_KEY where the server is started.",
      };
    }
    return {
      ok: false,
      problem: "key",
      message: `${root} refused the API key (${error.status}). Check that it is copied whole and still active.`,
    };
  }
  if (error.kind === "http") return { ok: false, problem: "server", message: error.message };

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
        message:
          `${root} answered, but the browser blocked the answer (CORS): that server does not ` +
          `allow requests from ${environment.origin}.`,
      };
    }
  }
  return {
    ok: false,
    problem: "network",
    message: `Could not reach ${root}. Check the address and that you are online.`,
  };
}
