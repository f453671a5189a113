// What the studio hands to whoever submits its scripts, and how a server's refusal is pinned
// back on the entries it names. The studio does not know about jobs or API clients.
import type { ScriptEntry } from "../../../contract/script";
import { entryIdsInScriptOrder, type Timeline } from "./timeline";

export interface SubmitRequest {
  /** One name per script: the drafts they came from. */
  names: string[];
  scripts: ScriptEntry[][];
  portrait: boolean;
}

export interface SubmitIssue {
  loc: readonly (string | number)[];
  msg: string;
}

export type SubmitOutcome = { ok: true } | { ok: false; message: string; issues: SubmitIssue[] };

export interface StudioSubmitter {
  submit(request: SubmitRequest): Promise<SubmitOutcome>;
  /** Why nothing can be submitted right now (e.g. no key for the cloud), or null. */
  unavailable: string | null;
  /** Where scripts go, for the button's explanation: "the local engine", "Odyssey cloud". */
  destination: string;
}

export interface PlacedIssue {
  message: string;
  /** The entry the server named, when it names one of this timeline's. */
  entryId: string | null;
}

/**
 * FastAPI locations name entries by index: ["body", "script", 3, "start", "prompt"], or
 * ["body", "scripts", 1, 3, ...] in a batch, where `scriptIndex` says which is this timeline.
 */
export function placeIssues(
  issues: readonly SubmitIssue[],
  timeline: Timeline,
  scriptIndex: number | null,
): PlacedIssue[] {
  const ids = entryIdsInScriptOrder(timeline);
  return issues.map((issue) => {
    const [where, kind, a, b] = issue.loc;
    let index: unknown = null;
    if (where === "body" && kind === "script" && scriptIndex === null) index = a;
    if (where === "body" && kind === "scripts" && a === scriptIndex) index = b;
    const entryId = typeof index === "number" ? (ids[index] ?? null) : null;
    return { message: issue.msg, entryId };
  });
}
