// How every time field reads and writes a time: one parser for the whole app.

export type TimeFormat = "seconds" | "timecode";

export type ParsedTime = { ok: true; ms: number } | { ok: false; message: string };

export const TIME_FORMAT_MESSAGE = "Enter a time in seconds, like 3.25";

/**
 * Reads "3.25", "3,25", "3.25 s", "3250 ms", "1:05.5" (minutes and seconds) or "1:02:03"
 * (hours too) as milliseconds, rounded to the millisecond.
 */
export function parseTime(text: string): ParsedTime {
  const fail = { ok: false, message: TIME_FORMAT_MESSAGE } as const;
  const clean = text.trim().toLowerCase().replace(/,/g, ".");
  if (clean === "") return fail;
  const ms = /^(\d+(?:\.\d*)?|\.\d+)\s*ms$/.exec(clean);
  if (ms) return { ok: true, ms: Math.round(Number(ms[1])) };
  const seconds = clean.replace(/\s*(s|sec|secs|seconds?)$/, "");
  const parts = seconds.split(":");
  if (parts.length > 3) return fail;
  // Only the last part may have a fraction; the ones before are whole minutes and hours.
  const number = /^(\d+(?:\.\d*)?|\.\d+)$/;
  const whole = /^\d+$/;
  if (!parts.every((p, i) => (i === parts.length - 1 ? number.test(p) : whole.test(p)))) {
    return fail;
  }
  const values = parts.map(Number);
  if (parts.length > 1 && values.slice(1).some((v) => v >= 60)) return fail;
  const total = values.reduce((sum, v) => sum * 60 + v, 0);
  if (!Number.isFinite(total)) return fail;
  return { ok: true, ms: Math.round(total * 1000) };
}

export function formatTime(ms: number, format: TimeFormat = "seconds"): string {
  if (format === "seconds") return (ms / 1000).toFixed(2);
  const centis = Math.round(ms / 10);
  const minutes = Math.floor(centis / 6000);
  const rest = (centis % 6000) / 100;
  return `${minutes}:${rest.toFixed(2).padStart(5, "0")}`;
}
