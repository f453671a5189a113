// What this browser submitted, by job id: the scripts exactly as sent, their draft names and
// the orientation, so a job can be opened again as a draft or resubmitted. Kept in IndexedDB
// (idb-keyval) because scripts carry their images as data URLs. Never holds an API key.
import { createStore, get, getMany, set, type UseStore } from "idb-keyval";
import type { ScriptEntry } from "../../contract/script";

export interface Submission {
  version: 1;
  jobId: string;
  /** The API root the job went to: the same id on another server is another job. */
  root: string;
  /** One name per script, from the drafts they came from. */
  names: string[];
  scripts: ScriptEntry[][];
  portrait: boolean;
  submittedAt: number;
}

export type SubmissionStore = ReturnType<typeof createSubmissionStore>;

export function createSubmissionStore(
  idb: UseStore = createStore("simulate-studio-submissions", "by-job"),
) {
  const keyOf = (root: string, jobId: string) => `${root} ${jobId}`;
  return {
    async save(submission: Omit<Submission, "version">): Promise<void> {
      await set(keyOf(submission.root, submission.jobId), { version: 1, ...submission }, idb);
    },
    async get(root: string, jobId: string): Promise<Submission | null> {
      return restoreSubmission(await get(keyOf(root, jobId), idb));
    },
    async getMany(root: string, jobIds: readonly string[]): Promise<(Submission | null)[]> {
      if (jobIds.length === 0) return [];
      const found = await getMany(
        jobIds.map((id) => keyOf(root, id)),
        idb,
      );
      return found.map(restoreSubmission);
    },
  };
}

/** A stored record if it has the shape this code writes; anything else reads as unknown. */
export function restoreSubmission(raw: unknown): Submission | null {
  if (typeof raw !== "object" || raw === null) return null;
  const r = raw as Partial<Submission>;
  if (
    typeof r.jobId !== "string" ||
    typeof r.root !== "string" ||
    !Array.isArray(r.scripts) ||
    !r.scripts.every(Array.isArray)
  ) {
    return null;
  }
  const names = Array.isArray(r.names) ? r.names : [];
  return {
    version: 1,
    jobId: r.jobId,
    root: r.root,
    scripts: r.scripts,
    names: r.scripts.map((_, i) =>
      typeof names[i] === "string" ? names[i] : `Script ${i + 1} of job ${r.jobId?.slice(0, 8)}`,
    ),
    portrait: r.portrait === true,
    submittedAt: typeof r.submittedAt === "number" ? r.submittedAt : 0,
  };
}

/** How many streams (start..end pairs) the submission's scripts make. */
export function streamCount(submission: Submission): number {
  return submission.scripts.reduce(
    (sum, script) => sum + script.filter((entry) => entry.start !== undefined).length,
    0,
  );
}

/** Router state that asks the studio to open a submitted script as a new draft. */
export interface OpenScriptRequest {
  openScript: { name: string; script: ScriptEntry[]; portrait: boolean };
}

/** The request that opens script `index` of a submission. */
export function openScriptRequest(submission: Submission, index = 0): OpenScriptRequest {
  return {
    openScript: {
      name: submission.names[index] ?? `Script ${index + 1}`,
      script: submission.scripts[index] ?? [],
      portrait: submission.portrait,
    },
  };
}

export function isOpenScriptRequest(state: unknown): state is OpenScriptRequest {
  if (typeof state !== "object" || state === null || !("openScript" in state)) return false;
  const open = (state as OpenScriptRequest).openScript;
  return typeof open?.name === "string" && Array.isArray(open.script);
}
