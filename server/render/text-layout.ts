// Wraps a prompt into lines that fit a width, ending with an ellipsis when it needs more lines
// than there are. Breaks only between grapheme clusters, so an emoji or an accent stays whole.

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });
const ELLIPSIS = "…";

export type Measure = (text: string) => number;

function split(text: string): string[] {
  return Array.from(graphemes.segment(text), (s) => s.segment);
}

/** How many of `parts`, from the start, fit in `maxWidth` (at least one, so lines advance). */
function fitCount(parts: string[], maxWidth: number, measure: Measure, suffix = ""): number {
  let low = 1;
  let high = parts.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (measure(parts.slice(0, mid).join("") + suffix) <= maxWidth) low = mid;
    else high = mid - 1;
  }
  return low;
}

export function wrapText(
  text: string,
  maxWidth: number,
  maxLines: number,
  measure: Measure,
): string[] {
  const words = text.replace(/\s+/g, " ").trim().split(" ").filter(Boolean);
  const lines: string[] = [];
  let line = "";
  let truncated = false;
  for (let i = 0; i < words.length; i++) {
    if (lines.length === maxLines) {
      truncated = true;
      break;
    }
    const word = words[i] as string;
    const candidate = line ? `${line} ${word}` : word;
    if (measure(candidate) <= maxWidth) {
      line = candidate;
      continue;
    }
    if (line) {
      lines.push(line);
      line = "";
      i--;
      continue;
    }
    // A word wider than a whole line: break it where it stops fitting.
    const parts = split(word);
    const count = fitCount(parts, maxWidth, measure);
    lines.push(parts.slice(0, count).join(""));
    if (count < parts.length) {
      words[i] = parts.slice(count).join("");
      i--;
    }
  }
  if (line) {
    if (lines.length === maxLines) truncated = true;
    else lines.push(line);
  }
  if (!truncated) return lines;

  const last = split(lines[maxLines - 1] ?? "");
  const kept = last.slice(0, fitCount(last, maxWidth, measure, ELLIPSIS)).join("");
  lines[maxLines - 1] = `${kept.trimEnd()}${ELLIPSIS}`;
  return lines;
}
