// Which Chromium the e2e tests drive, decided in one place for playwright.config.ts and for
// scripts/ensure-browser.ts, which installs Playwright's own only when there is no other.
import { existsSync } from "node:fs";

/** Debian's package, which CI installs (.ci/run): Playwright's download cannot work there. */
export const SYSTEM_CHROMIUM = "/usr/bin/chromium";

export type ChromiumChoice =
  /** A browser outside Playwright's cache: pass its path as `executablePath`. */
  | { kind: "system"; path: string; from: "CHROMIUM_PATH" | "system" }
  /** Playwright's own download, already in its cache: let Playwright find it. */
  | { kind: "playwright"; path: string }
  /** No browser anywhere: `playwright install chromium` first. */
  | { kind: "missing"; path: string };

export interface ChromiumProbe {
  env: Record<string, string | undefined>;
  exists: (path: string) => boolean;
  /** Where Playwright keeps (or would keep) its own Chromium: `chromium.executablePath()`. */
  playwrightPath: () => string;
}

export function chooseChromium({ env, exists, playwrightPath }: ChromiumProbe): ChromiumChoice {
  // Named on purpose: used even if it is not there, so a typo fails loudly at launch instead of
  // quietly testing another browser.
  const named = env.CHROMIUM_PATH?.trim();
  if (named) return { kind: "system", path: named, from: "CHROMIUM_PATH" };
  if (exists(SYSTEM_CHROMIUM)) return { kind: "system", path: SYSTEM_CHROMIUM, from: "system" };
  const own = playwrightPath();
  return exists(own) ? { kind: "playwright", path: own } : { kind: "missing", path: own };
}

/** `executablePath` for Playwright's launch options: undefined lets it use its own browser. */
export function chromiumExecutable(choice: ChromiumChoice): string | undefined {
  return choice.kind === "system" ? choice.path : undefined;
}

export const realProbe = (playwrightPath: () => string): ChromiumProbe => ({
  env: process.env,
  exists: existsSync,
  playwrightPath,
});
