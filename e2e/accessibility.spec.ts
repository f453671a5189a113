// Every page, checked by axe-core against WCAG 2.0 and 2.1 A and AA, in the states a creator
// sees them, on a desktop and on a 390 px phone: the studio on a first visit, with a draft open,
// an entry selected and its inspector showing, in list view, with the shortcuts sheet, its
// dialogs and its context menu; the jobs list, a finished job with its player, Compare,
// recordings, Settings and an unknown page. A violation fails with its rule, the elements it
// found and what to fix.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "./test";
import {
  dragReady,
  fixture,
  importScript,
  openStudio,
  submitAndOpenJob,
  twoStreamScript,
} from "./studio-helpers";

const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
/**
 * Rules axe ships switched off as experimental, switched on here: a control whose accessible
 * name does not contain its visible text (WCAG 2.5.3) cannot be spoken to by voice control.
 */
const EXPERIMENTAL_RULES = ["label-content-name-mismatch"];
/** axe runs twice (light and dark) per state, several seconds each on a busy machine. */
const AXE_TIMEOUT_MS = 120_000;
const VIEWPORTS = [
  { width: 1440, height: 900 },
  { width: 390, height: 844 },
];

/**
 * What axe found in the light and the dark theme (the studio follows the system's), one line
 * per element, so a failure names what to fix without opening a trace.
 */
async function violationsOn(page: Page): Promise<string[]> {
  const found: string[] = [];
  for (const colorScheme of ["light", "dark"] as const) {
    // Without motion, nothing is caught halfway through a transition.
    await page.emulateMedia({ colorScheme, reducedMotion: "reduce" });
    // options() replaces what came before it, so it goes first and withTags adds to it.
    const results = await new AxeBuilder({ page })
      .options({
        rules: Object.fromEntries(EXPERIMENTAL_RULES.map((rule) => [rule, { enabled: true }])),
      })
      .withTags(WCAG_TAGS)
      .analyze();
    // Each rule ran (it passed, failed, could not decide or found nothing to check): a rule
    // switched off without notice would otherwise pass silently.
    const ran = new Set(
      [results.passes, results.violations, results.incomplete, results.inapplicable]
        .flat()
        .map((rule) => rule.id),
    );
    for (const rule of EXPERIMENTAL_RULES) expect(ran, `axe ran ${rule}`).toContain(rule);
    for (const violation of results.violations) {
      for (const node of violation.nodes) {
        found.push(
          `${colorScheme}: ${violation.id} (${violation.impact ?? "?"}): ${violation.help} at ${node.target.join(" ")}: ${node.failureSummary ?? ""}`,
        );
      }
    }
  }
  await page.emulateMedia({ colorScheme: "light" });
  return found;
}

async function expectAccessible(page: Page, what: string) {
  expect(await violationsOn(page), `axe found violations on ${what}`).toEqual([]);
}

for (const viewport of VIEWPORTS) {
  test.describe(`at ${viewport.width}x${viewport.height}`, () => {
    test.use({ viewport });

    test.describe("a first visit", () => {
      test.use({ firstRun: true });

      test("the studio with its sample draft and the getting-started hint", async ({ page }) => {
        test.setTimeout(AXE_TIMEOUT_MS);
        await openStudio(page);
        await expect(page.getByRole("region", { name: "Getting started" })).toBeVisible();
        await expectAccessible(page, "the studio on a first visit");
      });
    });

    test("the studio, with a draft, a selected entry, its inspector, the shortcuts sheet, its dialogs, context menu and list view", async ({
      page,
    }) => {
      test.setTimeout(4 * AXE_TIMEOUT_MS);
      await openStudio(page);
      await expectAccessible(page, "the studio with its first draft");

      await importScript(page, fixture("two-streams.json"));
      // With dragging there too: its parts (screen-reader instructions, live region) are checked.
      await dragReady(page);
      await page
        .getByRole("region", { name: "Timeline" })
        .getByRole("button", { name: "interaction at 3.00 s", exact: true })
        .click();
      await expect(page.getByRole("textbox", { name: /prompt/i }).first()).toBeVisible();
      await expectAccessible(page, "the studio with an interaction selected");

      await page
        .getByRole("region", { name: "Timeline" })
        .getByRole("button", { name: "start at 0.00 s", exact: true })
        .click();
      await expectAccessible(page, "the studio with a start selected");

      await page.getByRole("button", { name: "Keyboard shortcuts" }).click();
      const sheet = page.getByRole("dialog", { name: "Keyboard shortcuts" });
      await expect(sheet).toBeVisible();
      await expectAccessible(page, "the shortcuts sheet");
      await page.keyboard.press("Escape");
      await expect(sheet).toBeHidden();

      // The studio's other dialogs and its context menu, each as it opens.
      for (const [opener, what] of [
        [/^All drafts/, "the drafts browser"],
        [/^Submit batch/, "the batch dialog"],
      ] as const) {
        await page.getByRole("button", { name: opener }).click();
        const dialog = page.getByRole("dialog");
        await expect(dialog).toBeVisible();
        await expectAccessible(page, what);
        await page.keyboard.press("Escape");
        await expect(dialog).toBeHidden();
      }
      await page
        .getByRole("region", { name: "Timeline" })
        .getByRole("button", { name: "stream 2 from 9.00 s to 12.00 s" })
        .click({ button: "right" });
      const menu = page.getByRole("menu");
      await expect(menu).toBeVisible();
      await expectAccessible(page, "the timeline's context menu");
      await page.keyboard.press("Escape");
      await expect(menu).toBeHidden();

      await page.getByRole("radio", { name: "List view" }).check();
      await expect(
        page.getByRole("textbox", { name: "Prompt of the interaction of stream 1 at 3.00 s" }),
      ).toBeVisible();
      await expectAccessible(page, "the studio's list view");
    });

    test("the jobs list, a finished job with its player, and recordings", async ({
      page,
    }, testInfo) => {
      // A render, then axe on each of five pages.
      test.setTimeout(3 * AXE_TIMEOUT_MS);
      // Two short streams, so the job page offers Compare.
      const script = twoStreamScript(testInfo.outputPath("short.json"), 1.2, [
        "An axe on a stump",
        "A log split in two",
      ]);
      await openStudio(page);
      await importScript(page, script);
      const jobId = await submitAndOpenJob(page);
      await expect(page.getByText("Completed", { exact: true }).first()).toBeVisible({
        timeout: 60_000,
      });
      await expect(page.getByRole("slider", { name: "Seek" }).first()).toBeVisible();
      await expectAccessible(page, `the page of finished job ${jobId}`);

      await page.getByRole("link", { name: "Compare" }).click();
      await expect(page.getByRole("button", { name: "Play" })).toBeVisible();
      await expectAccessible(page, "the compare view");

      await page.goto("/jobs");
      await expect(page.getByRole("heading", { level: 1, name: "Jobs" })).toBeVisible();
      await expect(page.getByRole("row", { name: /short/ }).first()).toBeVisible();
      await expectAccessible(page, "the jobs list");

      await page.goto("/jobs/recordings");
      const recording = page.getByRole("rowheader").getByRole("link").first();
      await expect(recording).toBeVisible();
      await expectAccessible(page, "the recordings list");

      await recording.click();
      await expect(page).toHaveURL(/\/jobs\/recordings\/[\w-]+$/);
      await expect(page.getByRole("slider", { name: "Seek" }).first()).toBeVisible();
      await expectAccessible(page, "a recording with its player");
    });

    test("Settings and a page that does not exist", async ({ page }) => {
      test.setTimeout(2 * AXE_TIMEOUT_MS);
      await page.goto("/settings");
      await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
      await expectAccessible(page, "Settings");
      await page.getByRole("radio", { name: "Custom API root" }).check();
      await page.getByRole("button", { name: "Test connection" }).click();
      await expect(page.getByRole("status").filter({ hasText: /\w/ })).toBeVisible();
      await expectAccessible(page, "Settings with a custom root and its test result");

      await page.goto("/no/such/page");
      await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
      await expectAccessible(page, "the not-found page");
    });
  });
}
