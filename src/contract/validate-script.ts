// Every rule a script must keep, checked in one pass so the studio can pin each problem on
// its entry as the creator types, and the engine can answer a 422 listing all of them; and,
// apart from them, the interactions a script's video would never show.
import { formatCount, formatMegabytes, formatSeconds } from "./format";
import {
  ACCEPTED_IMAGE_TYPES,
  FRAME_MS,
  MAX_IMAGE_BYTES,
  MAX_PROMPT_CHARS,
  MAX_SCRIPT_ENTRIES,
  MIN_STREAM_MS,
  type ScriptEntry,
} from "./script";
import { segmentStreams } from "./segment-streams";

export type ScriptProblemCode =
  | "not-an-array"
  | "no-streams"
  | "too-many-entries"
  | "entry-not-object"
  | "invalid-timestamp"
  | "timestamp-decreases"
  | "no-action"
  | "several-actions"
  | "invalid-action"
  | "start-while-open"
  | "interact-outside-stream"
  | "end-outside-stream"
  | "stream-left-open"
  | "stream-too-short"
  | "prompt-not-string"
  | "prompt-empty"
  | "prompt-too-long"
  | "image-not-string"
  | "image-not-data-url"
  | "image-type"
  | "image-invalid-base64"
  | "image-too-large"
  | "interaction-unseen";

export interface ScriptProblem {
  /** The entry's index in the script, or null for the script as a whole. */
  index: number | null;
  /** The offending field, e.g. "timestamp_ms" or "start.prompt"; null for the entry as a whole. */
  field: string | null;
  code: ScriptProblemCode;
  message: string;
}

const ACTIONS = ["start", "interact", "end"] as const;
type Action = (typeof ACTIONS)[number];
const NOUN: Record<Action, string> = { start: "start", interact: "interaction", end: "end" };

// Non-backtracking: one character class and a bounded tail, so multi-megabyte images are cheap.
const BASE64_BODY = /^[A-Za-z0-9+/]*={0,2}$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "string") return "text";
  return typeof value === "object" ? "an object" : `${typeof value} ${String(value)}`;
}

/** Counts code points, as the API does, without allocating for huge strings. */
function codePointLength(text: string): number {
  if (text.length <= MAX_PROMPT_CHARS) return text.length;
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) i++;
    count++;
  }
  return count;
}

/** The decoded size of a base64 body, from its length and padding alone. */
function decodedBase64Bytes(body: string): number {
  const padding = body.endsWith("==") ? 2 : body.endsWith("=") ? 1 : 0;
  return (body.length / 4) * 3 - padding;
}

export function validateScript(entries: unknown): ScriptProblem[] {
  if (!Array.isArray(entries)) {
    return [
      {
        index: null,
        field: null,
        code: "not-an-array",
        message: `a script is a list of entries; this is ${describeValue(entries)}`,
      },
    ];
  }

  const problems: ScriptProblem[] = [];
  const report = (
    index: number | null,
    field: string | null,
    code: ScriptProblemCode,
    message: string,
  ) => problems.push({ index, field, code, message });

  // Past the limit, only the entries that could be kept are checked: describing every one of
  // a million entries cost a server seconds and a 142 MB answer.
  const overLimit = entries.length > MAX_SCRIPT_ENTRIES;
  if (overLimit) {
    report(
      null,
      null,
      "too-many-entries",
      `the script has ${formatCount(entries.length)} entries; the limit is ${formatCount(MAX_SCRIPT_ENTRIES)} (only the first ${formatCount(MAX_SCRIPT_ENTRIES)} were checked)`,
    );
  }

  let open: { index: number; ms: number | null } | null = null;
  let lastEndMs: number | null = null;
  let streams = 0;
  let latestMs: number | null = null;

  const checked = overLimit ? entries.slice(0, MAX_SCRIPT_ENTRIES) : entries;
  checked.forEach((entry: unknown, index) => {
    if (!isRecord(entry)) {
      report(
        index,
        null,
        "entry-not-object",
        `entry ${index + 1} must be an object with a timestamp_ms and one action; it is ${describeValue(entry)}`,
      );
      return;
    }

    const actions = ACTIONS.filter((action) => entry[action] !== undefined);
    const rawMs = entry.timestamp_ms;
    const ms = Number.isSafeInteger(rawMs) && (rawMs as number) >= 0 ? (rawMs as number) : null;
    const label =
      actions.length === 1 && ms !== null
        ? `${NOUN[actions[0] as Action]} at ${formatSeconds(ms)}`
        : `entry ${index + 1}`;

    if (ms === null) {
      report(
        index,
        "timestamp_ms",
        "invalid-timestamp",
        rawMs === undefined
          ? `${label} has no timestamp_ms`
          : `${label} has timestamp_ms ${describeValue(rawMs).replace(/^number /, "")}; timestamps are whole milliseconds, 0 or more`,
      );
    } else {
      if (latestMs !== null && ms < latestMs) {
        // Two decimals can print two different times alike; then the milliseconds say it.
        const close = formatSeconds(ms) === formatSeconds(latestMs);
        report(
          index,
          "timestamp_ms",
          "timestamp-decreases",
          close
            ? `${label} (${ms} ms) comes before the entry at ${latestMs} ms above it; timestamps never decrease`
            : `${label} comes before the entry at ${formatSeconds(latestMs)} above it; timestamps never decrease`,
        );
      }
      latestMs = latestMs === null ? ms : Math.max(latestMs, ms);
    }

    if (actions.length === 0) {
      report(index, null, "no-action", `${label} has none of start, interact or end`);
      return;
    }
    if (actions.length > 1) {
      report(
        index,
        null,
        "several-actions",
        `${label} has ${actions.join(" and ")}; an entry does exactly one of them`,
      );
      return;
    }

    const action = actions[0] as Action;
    const payload = entry[action];
    if (!isRecord(payload)) {
      report(
        index,
        action,
        "invalid-action",
        action === "end"
          ? `${label} must be an empty object ({})`
          : `${label} must be an object with a prompt`,
      );
    } else if (action !== "end") {
      checkPrompt(payload.prompt, index, `${action}.prompt`, label, report);
      if (action === "start" && payload.image !== undefined) {
        checkImage(payload.image, index, label, report);
      }
    }

    if (action === "start") {
      if (open) {
        report(
          index,
          null,
          "start-while-open",
          `${label} comes while the stream started at ${formatMs(open.ms)} is still open; end that stream first`,
        );
      }
      open = { index, ms };
      streams++;
    } else if (action === "interact") {
      if (!open) {
        report(
          index,
          null,
          "interact-outside-stream",
          lastEndMs === null
            ? `${label} comes before any start`
            : `${label} comes after the stream ended at ${formatSeconds(lastEndMs)}; start a new stream first`,
        );
      }
    } else {
      if (!open) {
        report(index, null, "end-outside-stream", `${label} has no open stream to end`);
      } else {
        if (ms !== null && open.ms !== null && ms - open.ms < MIN_STREAM_MS) {
          report(
            index,
            "timestamp_ms",
            "stream-too-short",
            `the stream starting at ${formatSeconds(open.ms)} lasts ${formatSeconds(ms - open.ms)}; streams must last at least ${formatSeconds(MIN_STREAM_MS)}`,
          );
        }
        open = null;
        lastEndMs = ms;
      }
    }
  });

  // TypeScript cannot see the assignments inside the callback above.
  const stillOpen = open as { index: number; ms: number | null } | null;
  // A script cut short at the limit may well end mid-stream: that is not its problem.
  if (overLimit) return problems;
  if (stillOpen) {
    report(
      stillOpen.index,
      null,
      "stream-left-open",
      `the script ends with the stream started at ${formatMs(stillOpen.ms)} still open; add an end`,
    );
  }
  if (streams === 0) {
    report(
      null,
      null,
      "no-streams",
      "a script needs at least one stream: a start, then an end at least 1 s later",
    );
  }
  return problems;
}

function formatMs(ms: number | null): string {
  return ms === null ? "an invalid time" : formatSeconds(ms);
}

type Report = (index: number, field: string, code: ScriptProblemCode, message: string) => void;

function checkPrompt(
  prompt: unknown,
  index: number,
  field: string,
  label: string,
  report: Report,
): void {
  if (typeof prompt !== "string") {
    report(
      index,
      field,
      "prompt-not-string",
      prompt === undefined
        ? `the ${label} has no prompt`
        : `the prompt of the ${label} must be text; it is ${describeValue(prompt)}`,
    );
  } else if (prompt.trim() === "") {
    report(index, field, "prompt-empty", `the prompt of the ${label} is empty`);
  } else {
    const length = codePointLength(prompt);
    if (length > MAX_PROMPT_CHARS) {
      report(
        index,
        field,
        "prompt-too-long",
        `the prompt of the ${label} is ${formatCount(length)} characters; the limit is ${formatCount(MAX_PROMPT_CHARS)}`,
      );
    }
  }
}

function checkImage(image: unknown, index: number, label: string, report: Report): void {
  const field = "start.image";
  if (typeof image !== "string") {
    report(
      index,
      field,
      "image-not-string",
      `the image of the ${label} must be a data URL; it is ${describeValue(image)}`,
    );
    return;
  }
  const comma = image.indexOf(",");
  const header = comma === -1 ? "" : image.slice(0, comma);
  if (!header.startsWith("data:") || !header.endsWith(";base64")) {
    report(
      index,
      field,
      "image-not-data-url",
      `the image of the ${label} is not a base64 data URL (data:image/jpeg;base64,...)`,
    );
    return;
  }
  const mime = header.slice("data:".length, -";base64".length).toLowerCase();
  if (!(ACCEPTED_IMAGE_TYPES as readonly string[]).includes(mime)) {
    report(
      index,
      field,
      "image-type",
      `the image of the ${label} is ${mime || "of no type"}; use JPEG, PNG or WebP`,
    );
    return;
  }
  const body = image.slice(comma + 1);
  if (body.length % 4 !== 0 || !BASE64_BODY.test(body)) {
    report(index, field, "image-invalid-base64", `the image of the ${label} is not valid base64`);
    return;
  }
  const bytes = decodedBase64Bytes(body);
  if (bytes === 0) {
    report(index, field, "image-invalid-base64", `the image of the ${label} is empty`);
  } else if (bytes > MAX_IMAGE_BYTES) {
    report(
      index,
      field,
      "image-too-large",
      `the image of the ${label} is ${formatMegabytes(bytes)}; the limit is ${formatMegabytes(MAX_IMAGE_BYTES)}`,
    );
  }
}

export type ParsedScript =
  { ok: true; script: ScriptEntry[] } | { ok: false; problems: ScriptProblem[] };

/** A value that passes every rule is a script; `validateScript` has checked every field's type. */
export function parseScript(value: unknown): ParsedScript {
  const problems = validateScript(value);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, script: normalizeScript(value as ScriptEntry[]) };
}

/** Keeps only the contract's fields, so unknown ones never travel further. */
function normalizeScript(entries: ScriptEntry[]): ScriptEntry[] {
  return entries.map((entry) => {
    if (entry.start) {
      const start: ScriptEntry["start"] = { prompt: entry.start.prompt };
      if (entry.start.image !== undefined) start.image = entry.start.image;
      return { timestamp_ms: entry.timestamp_ms, start };
    }
    if (entry.interact) {
      return { timestamp_ms: entry.timestamp_ms, interact: { prompt: entry.interact.prompt } };
    }
    return { timestamp_ms: entry.timestamp_ms, end: {} };
  });
}

/**
 * When a stream's last frame starts. The model emits a frame every 40 ms from the stream's
 * start, as many as the stream holds rounded to the nearest (segmentStreams' frameCount), and
 * an entry first shows on the first frame at or after it; so an interaction later than this
 * falls after the last frame and is never seen. That is 40 ms before the end for a stream of
 * whole frames, and from 20 to 59 ms before it for one that is not.
 */
export function lastFrameMs(startMs: number, endMs: number): number {
  return startMs + (Math.round((endMs - startMs) / FRAME_MS) - 1) * FRAME_MS;
}

/**
 * Interactions that no frame of their stream shows. Not one of validateScript's rules: the
 * API takes such a script and renders it, the prompt simply never appears; so the engine
 * accepts it as the API does and an imported file still opens, but the studio holds it back
 * from submission until the interaction moves. For scripts that passed validateScript; in
 * others it checks the streams segmentStreams finds.
 */
export function unseenInteractions(entries: readonly ScriptEntry[]): ScriptProblem[] {
  const problems: ScriptProblem[] = [];
  for (const stream of segmentStreams(entries)) {
    const latestMs = lastFrameMs(stream.startMs, stream.endMs);
    for (const interaction of stream.interactions) {
      const ms = interaction.timestampMs;
      if (ms <= latestMs) continue;
      // Shown in whole hundredths, rounded down, so the time the message names is allowed.
      const by = formatSeconds(Math.floor(latestMs / 10) * 10);
      const label = `the interaction at ${formatSeconds(ms)}`;
      problems.push({
        index: interaction.entryIndex,
        field: "timestamp_ms",
        code: "interaction-unseen",
        message:
          ms >= stream.endMs
            ? `${label} comes when its stream ends at ${formatSeconds(stream.endMs)}; it would never be seen: move it to ${by} or earlier`
            : `${label} comes after its stream's last frame, at ${by} (the stream ends at ${formatSeconds(stream.endMs)}); it would never be seen: move it to ${by} or earlier`,
      });
    }
  }
  return problems;
}
