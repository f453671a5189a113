// Playwright's test for every spec here, with each page of each test watched for what the
// studio's Content-Security-Policy blocks: a violation fails the test, so a policy too strict
// for the studio (or a feature that needs it loosened) shows up in CI, not in a creator's browser.
import { test as base, expect } from "@playwright/test";

export * from "@playwright/test";

const REPORT = "__reportCspViolation";

export const test = base.extend<{
  cspViolations: string[];
  /** Whether the studio greets this test as a first visit (a sample draft and a hint). */
  firstRun: boolean;
  blankStart: void;
}>({
  firstRun: [false, { option: true }],
  // Most tests start from an empty draft, as a returning creator does.
  blankStart: [
    async ({ context, firstRun }, use) => {
      if (!firstRun) {
        await context.addInitScript(() => {
          try {
            localStorage.setItem("simulate-studio:first-run", "done");
            localStorage.setItem("simulate-studio:hint", "dismissed");
          } catch {
            // A page without storage of its own (about:blank).
          }
        });
      }
      await use();
    },
    { auto: true },
  ],
  cspViolations: [
    async ({ context }, use) => {
      const violations: string[] = [];
      // Every page of the context (popups too) reports what its policy refused, as it happens.
      await context.exposeBinding(REPORT, ({ page }, what: string) => {
        violations.push(`${page.url()}: ${what}`);
      });
      await context.addInitScript((report: string) => {
        document.addEventListener("securitypolicyviolation", (event) => {
          const send = (window as unknown as Record<string, (what: string) => void>)[report];
          void send?.(
            `${event.effectiveDirective} refused ${event.blockedURI || "(inline)"}` +
              (event.sourceFile ? ` at ${event.sourceFile}:${event.lineNumber}` : ""),
          );
        });
      }, REPORT);
      // Chromium logs most refusals too, even from pages the init script has not reached yet;
      // the event also catches those it does not log, such as an eval the page caught.
      context.on("console", (message) => {
        if (message.text().includes("Content Security Policy")) {
          violations.push(`${message.page()?.url() ?? "?"}: ${message.text()}`);
        }
      });
      await use(violations);
      expect(violations, "the Content-Security-Policy refused something").toEqual([]);
    },
    { auto: true },
  ],
});
