// An interaction the video would never show: one after its stream's last frame (40 ms before
// the end of a stream of whole frames). No drag or typed time puts one there, and one that
// arrives in a file is a problem pinned on it, with Submit held back until it moves.
import { expect, test } from "./test";
import { writeFileSync } from "node:fs";
import { dragBy, entry, fixture, scriptTimes } from "./studio-helpers";

// Wide enough that the drag never comes near the edge, where the timeline scrolls by itself.
test.use({ viewport: { width: 1600, height: 900 } });

test("a dragged or typed interaction stops at its stream's last frame", async ({ page }) => {
  await page.goto("/");
  await page.getByLabel("Import script").setInputFiles(fixture("two-streams.json"));
  await expect(entry(page, "interaction at 3.00 s")).toBeVisible();

  // 80 px per second: 10 s to the right, well past the first stream's end at 9 s.
  await dragBy(page, entry(page, "interaction at 3.00 s"), 800);
  await expect(entry(page, "interaction at 8.96 s")).toBeVisible();
  await expect.poll(() => scriptTimes(page)).toEqual([0, 8960, 9000, 9000, 12000]);
  // A nudge on from there goes nowhere.
  await entry(page, "interaction at 8.96 s").click();
  await page.keyboard.press("ArrowRight");
  await expect.poll(() => scriptTimes(page)).toEqual([0, 8960, 9000, 9000, 12000]);

  await page.getByRole("button", { name: "Undo" }).click();
  await entry(page, "interaction at 3.00 s").click();
  const time = page.getByRole("textbox", { name: "Time (seconds)" });
  await time.fill("9");
  await time.press("Enter");
  await expect(time).toHaveValue("8.96");
  await expect(
    page.getByText(
      "Kept at 8.96 s, its stream's last frame: an interaction any later would never be seen.",
    ),
  ).toBeVisible();
  await expect(entry(page, "interaction at 8.96 s")).toBeVisible();
  await expect(page.getByRole("button", { name: "Submit", exact: true })).toBeEnabled();
});

test("an interaction at its stream's end in a file is a problem pinned on it", async ({
  page,
}, testInfo) => {
  const file = testInfo.outputPath("interaction-at-end.json");
  writeFileSync(
    file,
    JSON.stringify([
      { timestamp_ms: 0, start: { prompt: "A harbour at dawn" } },
      { timestamp_ms: 6000, interact: { prompt: "A storm rolls in" } },
      { timestamp_ms: 6000, end: {} },
    ]),
  );
  await page.goto("/");
  await page.getByLabel("Import script").setInputFiles(file);
  const message =
    "the interaction at 6.00 s comes when its stream ends at 6.00 s; it would never be seen: move it to 5.96 s or earlier";
  const submit = page.getByRole("button", { name: "Submit", exact: true });
  // Pinned on the entry: in its tooltip (its description is the drag instructions).
  await expect(entry(page, "interaction at 6.00 s")).toHaveAttribute(
    "title",
    `A storm rolls in\n${message}`,
  );
  await expect(submit).toBeDisabled();
  await expect(submit).toHaveAccessibleDescription(`Fix the problem first: ${message}`);

  await page.getByRole("region", { name: "Problems" }).getByRole("link", { name: message }).click();
  await expect(entry(page, "interaction at 6.00 s")).toHaveAttribute("aria-pressed", "true");
  const inspector = page.getByRole("region", { name: "Interaction in stream 1" });
  await expect(inspector.getByRole("listitem")).toHaveText(message);
  const time = page.getByRole("textbox", { name: "Time (seconds)" });
  await time.fill("5.96");
  await time.press("Enter");
  await expect(entry(page, "interaction at 5.96 s")).toBeVisible();
  await expect(submit).toBeEnabled();
  await expect(page.getByRole("region", { name: "Problems" })).toContainText(
    "The script is valid and ready to submit.",
  );
});
