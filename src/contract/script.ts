// The Simulate API's script format and its limits, shared by the studio and the engine.

export const FRAME_MS = 40;
export const MIN_STREAM_MS = 1000;
export const MAX_PROMPT_CHARS = 2000;
export const MAX_SCRIPT_ENTRIES = 1000;
export const MAX_IMAGE_BYTES = 25 * 1024 * 1024;
export const ACCEPTED_IMAGE_TYPES = ["image/jpeg", "image/png", "image/webp"] as const;
export type AcceptedImageType = (typeof ACCEPTED_IMAGE_TYPES)[number];

/** The frame the model renders; the SDK crops and resizes start images to it. */
export const FRAME_SIZE = {
  landscape: { width: 1280, height: 704 },
  portrait: { width: 704, height: 1280 },
} as const;

export function frameSize(portrait: boolean): { width: number; height: number } {
  return portrait ? FRAME_SIZE.portrait : FRAME_SIZE.landscape;
}

export interface StartAction {
  prompt: string;
  image?: string;
}
export interface InteractAction {
  prompt: string;
}
export type EndAction = Record<string, never>;

export interface ScriptEntry {
  timestamp_ms: number;
  start?: StartAction;
  interact?: InteractAction;
  end?: EndAction;
}
export type Script = ScriptEntry[];
