// Scripts as text, both ways: the exported JSON (exactly the API's script array), its file name,
// an imported file or pasted text checked by the contract's parseScript, and the share link's
// fragment (the script LZ-compressed with the draft's name and orientation, images left out).
// lz-string is fetched only for a share link, made or opened, off the studio's first load.
import type * as LzStringModule from "lz-string";
import type { ScriptEntry } from "../../../contract/script";
import { parseScript, type ScriptProblem } from "../../../contract/validate-script";

export type ParsedScriptText =
  { ok: true; script: ScriptEntry[] } | { ok: false; message: string; problems: ScriptProblem[] };

export function scriptToJson(script: ScriptEntry[]): string {
  return `${JSON.stringify(script, null, 2)}\n`;
}

export function scriptFileName(name: string): string {
  const base = name
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  return `${base || "script"}.json`;
}

export function parseScriptText(text: string): ParsedScriptText {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `This is not JSON (${(error as Error).message})`, problems: [] };
  }
  const parsed = parseScript(value);
  if (!parsed.ok)
    return {
      ok: false,
      message: `The script has ${parsed.problems.length} problem(s)`,
      problems: parsed.problems,
    };
  return { ok: true, script: parsed.script };
}

export async function readScriptFile(file: File): Promise<ParsedScriptText> {
  if (file.size > 200 * 1024 * 1024)
    return { ok: false, message: "The file is too large", problems: [] };
  return parseScriptText(await file.text());
}

type LzString = typeof LzStringModule;
let lzString: Promise<LzString> | undefined;
let loadedLzString: LzString | undefined;

/** Fetches lz-string once (e.g. on hover of the share button, so a copy need not wait). */
export function loadLzString(): Promise<LzString> {
  lzString ??= import("lz-string").then(
    // A CommonJS module: the bundle hands its exports over as the default.
    (module) => (loadedLzString = (module as LzString & { default?: LzString }).default ?? module),
    (error: unknown) => {
      // A failed fetch is retried by the next share.
      lzString = undefined;
      throw error;
    },
  );
  return lzString;
}

const SHARE_FRAGMENT = /(?:^#?|&)script=([^&]*)/;

/** Whether a location's hash holds a shared script; cheap, without lz-string. */
export function hasShareFragment(hash: string): boolean {
  return SHARE_FRAGMENT.test(hash);
}

export interface ShareFragment {
  fragment: string;
  imagesOmitted: number;
}

export async function encodeShareFragment(
  script: ScriptEntry[],
  options: { portrait: boolean; name: string },
): Promise<ShareFragment> {
  return encodeWith(await loadLzString(), script, options);
}

/** The fragment at once if lz-string is already here (a copy then needs no promise), else null. */
export function encodeShareFragmentNow(
  script: ScriptEntry[],
  options: { portrait: boolean; name: string },
): ShareFragment | null {
  return loadedLzString ? encodeWith(loadedLzString, script, options) : null;
}

function encodeWith(
  LZString: LzString,
  script: ScriptEntry[],
  options: { portrait: boolean; name: string },
): ShareFragment {
  // Which starts (by their order among the starts) had an image, so the draft opened from the
  // link can say which images to add back.
  const noImage: number[] = [];
  let starts = 0;
  const stripped = script.map((entry) => {
    if (!entry.start) return entry;
    const n = starts++;
    if (!entry.start.image) return entry;
    noImage.push(n);
    return { ...entry, start: { prompt: entry.start.prompt } };
  });
  const payload = JSON.stringify({
    v: 1,
    name: options.name,
    portrait: options.portrait,
    script: stripped,
    ...(noImage.length > 0 ? { noImage } : {}),
  });
  return {
    fragment: `script=${LZString.compressToEncodedURIComponent(payload)}`,
    imagesOmitted: noImage.length,
  };
}

export async function decodeShareFragment(hash: string): Promise<
  | {
      ok: true;
      script: ScriptEntry[];
      portrait: boolean;
      name: string;
      /** The starts, by their order among the starts, whose image the link left out. */
      imagesOmitted: number[];
    }
  | { ok: false; message: string }
  | null
> {
  const match = SHARE_FRAGMENT.exec(hash);
  if (!match) return null;
  const LZString = await loadLzString();
  const text = LZString.decompressFromEncodedURIComponent(match[1] ?? "");
  if (!text)
    return { ok: false, message: "The share link is damaged: it could not be decompressed." };
  let value: { name?: unknown; portrait?: unknown; script?: unknown; noImage?: unknown };
  try {
    value = JSON.parse(text) as typeof value;
  } catch {
    return { ok: false, message: "The share link is damaged: it is not a script." };
  }
  const parsed = parseScript(value.script);
  if (!parsed.ok) {
    return {
      ok: false,
      message: `The shared script is invalid: ${parsed.problems[0]?.message ?? ""}`,
    };
  }
  return {
    ok: true,
    script: parsed.script,
    portrait: value.portrait === true,
    name: typeof value.name === "string" && value.name ? value.name : "Shared script",
    imagesOmitted: Array.isArray(value.noImage)
      ? value.noImage.filter((n): n is number => Number.isInteger(n) && n >= 0)
      : [],
  };
}
