// How the ruler spaces and writes its labels at a zoom.
const STEPS_MS = [
  100, 200, 500, 1000, 2000, 5000, 10_000, 15_000, 30_000, 60_000, 120_000, 300_000, 600_000,
  1_200_000, 1_800_000, 3_600_000,
];
const MIN_LABEL_PX = 72;

export function rulerStep(pxPerMs: number): number {
  return STEPS_MS.find((step) => step * pxPerMs >= MIN_LABEL_PX) ?? (STEPS_MS.at(-1) as number);
}

/** "0:05", "1:30", "0:02.5": minutes and seconds, with tenths when the step needs them. */
export function formatRulerTime(ms: number, stepMs: number): string {
  const totalSeconds = ms / 1000;
  const minutes = Math.floor(totalSeconds / 60);
  const seconds = totalSeconds - minutes * 60;
  const text =
    stepMs < 1000
      ? seconds.toFixed(1).padStart(4, "0")
      : String(Math.round(seconds)).padStart(2, "0");
  return `${minutes}:${text}`;
}
