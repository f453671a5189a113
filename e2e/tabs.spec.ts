// The same draft in two tabs of one browser: one edits, the other shows it read-only and
// follows its edits, until it takes the draft over; nothing one tab does is silently lost to
// the other.
import { type BrowserContext, expect, type Page, test } from "./test";
import { entry, fixture, openStudio } from "./studio-helpers";

const readOnlyNotice = (page: Page) =>
  page.getByRole("alert").filter({ hasText: "This draft is open in another tab." });

/** The two-stream fixture imported in the first tab, which then edits it. */
async function importInFirstTab(first: Page) {
  await openStudio(first);
  await first.getByLabel("Import script").setInputFiles(fixture("two-streams.json"));
  await expect(entry(first, "start at 9.00 s")).toBeVisible();
}

/** A second tab, opening the last open draft as a new tab does. */
async function openSecondTab(context: BrowserContext): Promise<Page> {
  const second = await context.newPage();
  await second.goto("/");
  return second;
}

test("a second tab is read-only until it takes the draft over, and keeps what it edits", async ({
  page: first,
  context,
}) => {
  await importInFirstTab(first);

  // The second tab opens the last open draft: the one the first tab is editing.
  const second = await openSecondTab(context);
  await expect(readOnlyNotice(second)).toBeVisible();
  await expect(entry(second, "start at 9.00 s")).toBeAttached();
  await expect(second.getByRole("textbox", { name: "Draft name" })).not.toBeEditable();
  // Keyboard shortcuts reach the page, not the draft: deleting everything is refused.
  await second.locator("body").press("Control+a");
  await second.locator("body").press("Delete");
  await expect(second.getByText("This draft is open in another tab. Take it over")).toBeVisible();
  await expect(entry(second, "start at 9.00 s")).toBeAttached();
  await expect(readOnlyNotice(first)).toHaveCount(0);

  // The first tab's edits show up in the second as they are made.
  await first.getByRole("textbox", { name: "Draft name" }).fill("Neon and desert");
  await expect(second.getByRole("textbox", { name: "Draft name" })).toHaveValue("Neon and desert");

  // Taking over: the second tab edits, the first turns read-only.
  await second.getByRole("button", { name: "Take over here" }).click();
  await expect(readOnlyNotice(second)).toHaveCount(0);
  await expect(readOnlyNotice(first)).toBeVisible();
  await expect(second.getByRole("textbox", { name: "Draft name" })).toHaveValue("Neon and desert");
  await second.getByRole("textbox", { name: "Draft name" }).fill("Taken over");
  await second.getByRole("button", { name: "Add stream" }).click();
  await expect(entry(second, "start at 12.00 s")).toBeVisible();
  await expect(first.getByRole("textbox", { name: "Draft name" })).toHaveValue("Taken over");
  await expect(entry(first, "start at 12.00 s")).toBeAttached();
  await expect(first.getByRole("textbox", { name: "Draft name" })).not.toBeEditable();

  // A reload of the read-only tab keeps it read-only, with the other tab's edits.
  await first.reload();
  await expect(readOnlyNotice(first)).toBeVisible();
  await expect(first.getByRole("textbox", { name: "Draft name" })).toHaveValue("Taken over");
  await expect(entry(first, "start at 12.00 s")).toBeAttached();

  // Closing the tab that edits hands the draft back, its edits kept.
  await second.close();
  await expect(readOnlyNotice(first)).toHaveCount(0);
  await expect(first.getByRole("textbox", { name: "Draft name" })).toHaveValue("Taken over");
  await first.getByRole("button", { name: "Add stream" }).click();
  await expect(entry(first, "start at 17.00 s")).toBeVisible();
  await first.reload();
  await expect(entry(first, "start at 17.00 s")).toBeVisible();
  await expect(entry(first, "start at 12.00 s")).toBeVisible();
  await expect(first.getByRole("textbox", { name: "Draft name" })).toHaveValue("Taken over");
});

test("a new draft in a second tab is that tab's own to edit", async ({ page: first, context }) => {
  await openStudio(first);
  const second = await openSecondTab(context);
  await expect(readOnlyNotice(second)).toBeVisible();
  await second.getByRole("button", { name: "New draft" }).click();
  await expect(readOnlyNotice(second)).toHaveCount(0);
  await second.getByRole("button", { name: "Add stream" }).click();
  await expect(entry(second, "start at 0.00 s")).toBeVisible();
  // The first tab's draft was not touched.
  await expect(entry(first, "start at 0.00 s")).toHaveCount(0);
  await expect(readOnlyNotice(first)).toHaveCount(0);
});

test("the tab that edits a draft is still its editor after a reload", async ({
  page: first,
  context,
}) => {
  await importInFirstTab(first);
  const second = await openSecondTab(context);
  await expect(readOnlyNotice(second)).toBeVisible();

  // The reload frees the lock for a moment; the tab that only followed must not keep it.
  await first.reload();
  await expect(first.getByRole("textbox", { name: "Draft name" })).toBeEditable();
  await expect(readOnlyNotice(first)).toHaveCount(0);
  await expect(readOnlyNotice(second)).toBeVisible();
  await expect(second.getByRole("textbox", { name: "Draft name" })).not.toBeEditable();
  await first.getByRole("textbox", { name: "Draft name" }).fill("After the reload");
  await expect(second.getByRole("textbox", { name: "Draft name" })).toHaveValue("After the reload");
  await expect(entry(first, "start at 9.00 s")).toBeVisible();
});

test("a tab that follows keeps its selection and zoom, and cannot undo the other tab's edits", async ({
  page: first,
  context,
}) => {
  await importInFirstTab(first);
  const timeline = first.getByRole("region", { name: "Timeline" });
  const zoom = timeline.getByText(/^\d+ px\/s$/);
  const before = await zoom.textContent();
  await timeline.getByRole("button", { name: "Zoom in" }).click();
  await expect(zoom).not.toHaveText(before ?? "");
  const zoomed = await zoom.textContent();
  await entry(first, "interaction at 3.00 s").click();
  await expect(entry(first, "interaction at 3.00 s")).toHaveAttribute("aria-pressed", "true");
  // An edit of this tab's own, in its undo history.
  await first.getByRole("textbox", { name: "Draft name" }).fill("Mine");
  await first.getByRole("textbox", { name: "Draft name" }).press("Tab");

  const second = await openSecondTab(context);
  await second.getByRole("button", { name: "Take over here" }).click();
  await expect(readOnlyNotice(first)).toBeVisible();
  await second.getByRole("textbox", { name: "Draft name" }).fill("Theirs");
  await second.getByRole("button", { name: "Add stream" }).click();
  await expect(entry(second, "start at 12.00 s")).toBeVisible();

  // The followed edits arrive without resetting what this tab looks at.
  await expect(first.getByRole("textbox", { name: "Draft name" })).toHaveValue("Theirs");
  await expect(entry(first, "start at 12.00 s")).toBeAttached();
  await expect(zoom).toHaveText(zoomed ?? "");
  await expect(entry(first, "interaction at 3.00 s")).toHaveAttribute("aria-pressed", "true");

  // Handed the draft back, this tab has nothing to undo: its history ended where theirs began.
  await second.close();
  await expect(readOnlyNotice(first)).toHaveCount(0);
  await expect(first.getByRole("textbox", { name: "Draft name" })).toBeEditable();
  await expect(first.getByRole("button", { name: "Undo" })).toBeDisabled();
  await first.locator("body").press("Control+z");
  await expect(first.getByRole("textbox", { name: "Draft name" })).toHaveValue("Theirs");
  await expect(entry(first, "start at 12.00 s")).toBeAttached();
});
