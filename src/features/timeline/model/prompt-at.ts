// What the model is told at a moment of the script: the running stream and its prompt in force.
import { clipAt } from "./operations";
import type { Timeline } from "./timeline";

export function promptAt(timeline: Timeline, ms: number) {
  const clip = clipAt(timeline, ms);
  if (!clip || ms >= clip.end.timestampMs) return null;
  let prompt = clip.start.prompt;
  let kind: "start" | "interact" = "start";
  for (const interaction of clip.interactions) {
    if (interaction.timestampMs > ms) break;
    prompt = interaction.prompt;
    kind = "interact";
  }
  return {
    streamNumber: timeline.clips.indexOf(clip) + 1,
    image: clip.start.image,
    prompt,
    kind,
    startMs: clip.start.timestampMs,
    endMs: clip.end.timestampMs,
  };
}
