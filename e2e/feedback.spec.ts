// Feedback while working: toasts that stay out of the way, merge repeats and leave, and the
// local engine's render progress on the jobs list and on a job's page, against real engines.
import type { Locator, Page } from "@playwright/test";
import { copyFileSync } from "node:fs";
import { expect, test } from "./test";
import { fixture, importScript, openStudio, twoStreamScript } from "./studio-helpers";

function toasts(page: Page): Locator {
  return page.getByRole("region", { name: /Notifications/ }).getByRole("listitem");
}

/**
 * Fails when a toast covers the control that raised it, or shows in the same half of the window,
 * where the creator's eyes and pointer are.
 */
async function expectApart(toast: Locator, control: Locator) {
  const a = await toast.boundingBox();
  const b = await control.boundingBox();
  expect(a && b, "both are on screen").toBeTruthy();
  if (!a || !b) return;
  const overlap =
    a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
  expect(overlap, `toast ${JSON.stringify(a)} covers the control ${JSON.stringify(b)}`).toBe(false);
  const middle = (toast.page().viewportSize()?.height ?? 0) / 2;
  const lower = (box: { y: number; height: number }) => box.y + box.height / 2 > middle;
  expect(lower(a), "the toast shows in the same half of the window as the control").toBe(!lower(b));
}

for (const [width, height] of [
  [1440, 900],
  [1024, 768],
  [390, 844],
] as const) {
  test(`at ${width}x${height}, toasts clear the control just used, merge repeats and show three at most`, async ({
    page,
    context,
  }, testInfo) => {
    await page.setViewportSize({ width, height });
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await openStudio(page);
    await importScript(page, fixture("two-streams.json"));

    const submit = page.getByRole("button", { name: "Submit", exact: true });
    await submit.click();
    const submitted = toasts(page).filter({ hasText: "Job submitted" });
    await expect(submitted).toBeVisible();
    await expectApart(submitted, submit);
    await expectApart(submitted, page.getByRole("button", { name: "Add stream" }));

    // A control at the bottom of the window, where toasts first appear.
    const copy = page.getByRole("button", { name: "Copy JSON" });
    await copy.evaluate((button) => button.scrollIntoView({ block: "end" }));
    for (let i = 0; i < 3; i++) await copy.click();
    const copied = toasts(page).filter({ hasText: "Script JSON copied" });
    await expect(copied).toHaveCount(1);
    await expect(copied).toContainText("Script JSON copied (×3)");
    await expectApart(copied, copy);

    // Five different failures: the newest three show, the older ones leave.
    for (let i = 1; i <= 5; i++) {
      const file = testInfo.outputPath(`broken-${i}.json`);
      copyFileSync(fixture("broken-script.json"), file);
      await page.getByLabel("Import script").setInputFiles(file);
      await expect(toasts(page).filter({ hasText: `broken-${i}.json` })).toBeVisible();
    }
    await expect(toasts(page)).toHaveCount(3);
    for (const i of [3, 4, 5]) {
      await expect(toasts(page).filter({ hasText: `broken-${i}.json` })).toBeVisible();
    }
  });
}

test("a toast leaves even while the pointer rests on it", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await openStudio(page);
  await importScript(page, fixture("two-streams.json"));
  // Not a job's toast: that one stays while its job is active (e2e/progress-toasts.spec.ts).
  await page.getByRole("button", { name: "Copy JSON" }).click();
  const copied = toasts(page).filter({ hasText: "Script JSON copied" });
  await copied.hover();
  // sonner pauses while hovered; notify's deadline (duration + 8 s) dismisses it regardless.
  await expect(copied).toBeHidden({ timeout: 20_000 });
});

test("a rendering job shows its progress in the jobs list and on its page", async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  // Two 40 s streams: long enough to watch the first finish while the second renders.
  const file = twoStreamScript(testInfo.outputPath("long-two-streams.json"), 40, [
    "A long pan over a harbour",
    "A long drive at dawn",
  ]);
  await openStudio(page);
  await importScript(page, file);
  await page.getByRole("button", { name: "Submit", exact: true }).click();
  await toasts(page)
    .filter({ hasText: "Job submitted" })
    .getByRole("button", { name: "View job" })
    .click();
  await expect(page).toHaveURL(/\/jobs\/[\w-]+$/);

  const status = page.getByRole("region", { name: "Job status" });
  const progress = status.getByRole("region", { name: "Render progress" });
  await expect(progress.getByRole("progressbar", { name: "Job render progress" })).toBeVisible({
    timeout: 60_000,
  });
  await expect(progress.getByText(/^1 of 2 streams · \d+ %/)).toBeVisible({ timeout: 60_000 });
  await expect(
    progress.getByRole("progressbar", { name: "Stream 1 render progress" }),
  ).toHaveAttribute("aria-valuenow", "100");
  await expect(progress.getByText(/left$/)).toBeVisible();

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Jobs" }).click();
  const row = page.getByRole("row", { name: /long-two-streams/ });
  await expect(row.getByText(/^1 of 2 streams · \d+ %$/)).toBeVisible();
  await expect(row.getByRole("progressbar", { name: "Render progress" })).toBeVisible();

  // Done: the status says so, and the progress gives way to it.
  await expect(row.getByText("Completed", { exact: true })).toBeVisible({ timeout: 120_000 });
  await expect(row.getByRole("progressbar")).toHaveCount(0);
});
