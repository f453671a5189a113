// A first visit: a sample draft to look at and a three-step hint, both once; templates for a
// new draft; and the prompts a draft already uses, offered again in the prompt field.
import { expect, test } from "./test";
import { entry, openStudio } from "./studio-helpers";

test.describe("a first visit", () => {
  test.use({ firstRun: true });

  test("opens a sample draft and a hint, once, and the hint stays dismissed", async ({ page }) => {
    await openStudio(page);
    await expect(page.getByRole("textbox", { name: "Draft name" })).toHaveValue(
      "Sample: harbour at dusk",
    );
    await expect(entry(page, "start at 0.00 s")).toBeVisible();
    await expect(entry(page, "start at 9.00 s")).toBeVisible();
    await expect(entry(page, "interaction at 3.00 s")).toBeVisible();
    await entry(page, "start at 0.00 s").click();
    await expect(page.getByRole("img", { name: "Start frame" })).toBeVisible();

    const hint = page.getByRole("region", { name: "Getting started" });
    await expect(hint.getByRole("listitem")).toHaveCount(3);
    await hint.getByRole("button", { name: "Got it" }).click();
    await expect(hint).toHaveCount(0);

    // Deleting every draft does not bring the sample back, nor does a reload the hint.
    await page.getByRole("button", { name: "Delete draft" }).click();
    await page
      .getByRole("group", { name: "Confirm delete" })
      .getByRole("button", { name: "Delete" })
      .click();
    await expect(entry(page, "start at 0.00 s")).toHaveCount(0);
    await page.reload();
    await expect(page.getByRole("button", { name: "Add stream" })).toBeEnabled();
    await expect(entry(page, "start at 0.00 s")).toHaveCount(0);
    await expect(hint).toHaveCount(0);
  });
});

test("a returning visit starts blank, without the hint", async ({ page }) => {
  await openStudio(page);
  await expect(entry(page, "start at 0.00 s")).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Getting started" })).toHaveCount(0);
});

test("templates open as new drafts from the drafts browser", async ({ page }) => {
  await openStudio(page);
  for (const [name, draft] of <[string, string][]>[
    ["Weather change", "Weather change"],
    ["Weather change", "Weather change (2)"],
    ["Product turn", "Product turn"],
    ["Two-shot scene", "Two-shot scene"],
  ]) {
    await page.getByRole("button", { name: "All drafts…" }).click();
    await page
      .getByRole("dialog", { name: "Drafts" })
      .getByRole("button", { name: `New draft from “${name}”` })
      .click();
    await expect(page.getByRole("textbox", { name: "Draft name" })).toHaveValue(draft);
  }
  await expect(entry(page, "start at 6.00 s")).toBeVisible();
  await expect(entry(page, "interaction at 9.00 s")).toBeVisible();
});

test("the prompt field offers the prompts the draft already uses", async ({ page }) => {
  await openStudio(page);
  await page.getByRole("button", { name: "Add stream" }).click();
  const prompt = page.getByRole("textbox", { name: "Prompt" });
  await prompt.fill("A lighthouse in a storm");
  await page.getByRole("button", { name: "Add stream" }).click();
  await expect(prompt).toHaveValue("");
  await page
    .getByRole("combobox", { name: "Reuse a prompt from this draft" })
    .selectOption("A lighthouse in a storm");
  await expect(prompt).toHaveValue("A lighthouse in a storm");
  // One undo step takes it back.
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(prompt).toHaveValue("");

  // The history is the draft's own: a new draft offers none of this one's prompts.
  await page.getByRole("button", { name: "New draft" }).click();
  await page.getByRole("button", { name: "Add stream" }).click();
  await expect(prompt).toHaveValue("");
  await expect(page.getByRole("combobox", { name: "Reuse a prompt from this draft" })).toHaveCount(
    0,
  );
});
