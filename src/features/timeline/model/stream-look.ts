// How a stream is shown on the timeline: its name (the creator's, else from its prompt) and its
// colour. Neither is part of the script: they are kept on the start entry of the draft only.
import type { Clip } from "./timeline";

/** Colours a creator can pick for a stream, readable under dark text in both themes. */
export const STREAM_COLORS = [
  { name: "Violet", value: "#8b5cf6" },
  { name: "Sky", value: "#0ea5e9" },
  { name: "Emerald", value: "#10b981" },
  { name: "Amber", value: "#f59e0b" },
  { name: "Rose", value: "#f43f5e" },
  { name: "Slate", value: "#64748b" },
] as const;

const NAME_FROM_PROMPT_CHARS = 40;

/** The creator's name for the stream, else the start of its prompt, else "Stream n". */
export function streamName(clip: Clip, index: number): string {
  const name = clip.start.name?.trim();
  if (name) return name;
  const prompt = clip.start.prompt.trim().replace(/\s+/g, " ");
  if (!prompt) return `Stream ${index + 1}`;
  if (prompt.length <= NAME_FROM_PROMPT_CHARS) return prompt;
  const cut = prompt.slice(0, NAME_FROM_PROMPT_CHARS);
  const space = cut.lastIndexOf(" ");
  return `${space > 20 ? cut.slice(0, space) : cut}…`;
}
