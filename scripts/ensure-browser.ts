// Runs before the e2e tests (npm run test:e2e): on a machine with no Chromium at all, fetches
// Playwright's own, so `npm test` works on a fresh checkout. A system Chromium (CHROMIUM_PATH,
// Debian's /usr/bin/chromium, as CI installs) or one already downloaded is used as it is.
import { chromium } from "@playwright/test";
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { chooseChromium, realProbe } from "./chromium.ts";

const choice = chooseChromium(realProbe(() => chromium.executablePath()));
if (choice.kind === "system" && !existsSync(choice.path)) {
  console.error(`CHROMIUM_PATH is ${choice.path}, which does not exist.`);
  process.exit(1);
} else if (choice.kind === "system") {
  console.log(`e2e browser: ${choice.path} (${choice.from})`);
} else if (choice.kind === "playwright") {
  console.log(`e2e browser: Playwright's Chromium at ${choice.path}`);
} else {
  console.log("No Chromium found (CHROMIUM_PATH, /usr/bin/chromium, Playwright's cache).");
  console.log("Installing Playwright's Chromium: npx playwright install chromium");
  // The CLI of the Playwright this project pins, so the browser matches its version.
  const cli = createRequire(import.meta.url).resolve("@playwright/test/cli");
  const install = spawnSync(process.execPath, [cli, "install", "chromium"], { stdio: "inherit" });
  if (install.status !== 0) {
    console.error(
      "Could not install Playwright's Chromium. Install one yourself (Debian: apt-get install " +
        "chromium) or point CHROMIUM_PATH at a Chromium, then run the tests again.",
    );
    process.exit(install.status ?? 1);
  }
}
