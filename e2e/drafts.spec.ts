// The drafts feature as a creator meets it: every draft in the drafts browser, names that never
// collide, a share-link copy that says which images it lost, and an image kept through a reload
// the instant after it was set.
import { expect, type Page, test } from "./test";
import { entry, fixture, openStudio } from "./studio-helpers";

const draftName = (page: Page) => page.getByRole("textbox", { name: "Draft name" });

async function openBrowser(page: Page) {
  await page.getByRole("button", { name: "All drafts…" }).click();
  const dialog = page.getByRole("dialog", { name: "Drafts" });
  await expect(dialog).toBeVisible();
  return dialog;
}

async function setStartImage(page: Page, file = "frame.png") {
  await entry(page, "start at 0.00 s").click();
  const chooser = page.waitForEvent("filechooser");
  await page.getByRole("button", { name: "Add an image" }).click();
  await (await chooser).setFiles(fixture(file));
  await expect(page.getByRole("img", { name: "Start frame" })).toBeVisible();
}

test("imports of one script get names of their own", async ({ page }) => {
  await openStudio(page);
  for (const name of ["two-streams", "two-streams (2)", "two-streams (3)"]) {
    await page.getByLabel("Import script").setInputFiles(fixture("two-streams.json"));
    await expect(draftName(page)).toHaveValue(name);
  }
});

test("the drafts browser lists, searches, renames, duplicates, deletes and opens drafts", async ({
  page,
}) => {
  await openStudio(page);
  const long = "A harbour at dusk, then a storm rolling in over the lighthouse";
  await draftName(page).fill(long);
  await page.getByLabel("Import script").setInputFiles(fixture("two-streams.json"));
  await expect(draftName(page)).toHaveValue("two-streams");
  await setStartImage(page);

  let dialog = await openBrowser(page);
  const list = dialog.getByRole("list", { name: "Drafts" });
  await expect(list.getByRole("listitem")).toHaveCount(2);
  const imported = list.getByRole("listitem", { name: "two-streams" });
  await expect(imported).toContainText("2 streams · Landscape");
  await expect(imported.getByRole("img", { name: "First frame of “two-streams”" })).toBeVisible();
  await expect(imported.locator("time")).toHaveAttribute("title", /\d{4}/);
  // The whole name, however long.
  const other = list.getByRole("listitem", { name: long });
  await expect(other).toContainText(long);
  await expect(other).toContainText("0 streams · Landscape");

  // Search by name.
  await dialog.getByRole("searchbox", { name: "Search drafts" }).fill("LIGHTHOUSE");
  await expect(list.getByRole("listitem")).toHaveCount(1);
  await dialog.getByRole("searchbox", { name: "Search drafts" }).fill("");

  // Rename one that is not open.
  await other.getByRole("button", { name: `Rename “${long}”` }).click();
  await dialog.getByRole("textbox", { name: `New name for “${long}”` }).fill("Harbour storm");
  await dialog.getByRole("button", { name: "Save name" }).click();
  await expect(list.getByRole("listitem", { name: "Harbour storm" })).toBeVisible();

  // Duplicate it: the copy opens, named apart.
  await list
    .getByRole("listitem", { name: "Harbour storm" })
    .getByRole("button", { name: "Duplicate “Harbour storm”" })
    .click();
  await expect(dialog).toBeHidden();
  await expect(draftName(page)).toHaveValue("Harbour storm (copy)");

  // Delete asks, then can be undone.
  dialog = await openBrowser(page);
  await expect(list.getByRole("listitem")).toHaveCount(3);
  await list.getByRole("button", { name: "Delete “Harbour storm”" }).click();
  await list
    .getByRole("group", { name: "Confirm delete of “Harbour storm”" })
    .getByRole("button", { name: "Delete" })
    .click();
  await expect(list.getByRole("listitem")).toHaveCount(2);
  await dialog.getByRole("button", { name: "Undo delete" }).click();
  await expect(list.getByRole("listitem", { name: "Harbour storm", exact: true })).toBeVisible();

  // Open, from the keyboard.
  await dialog.getByRole("searchbox", { name: "Search drafts" }).fill("two");
  await list.getByRole("button", { name: "Open “two-streams”" }).focus();
  await page.keyboard.press("Enter");
  await expect(dialog).toBeHidden();
  await expect(draftName(page)).toHaveValue("two-streams");
  await expect(entry(page, "start at 9.00 s")).toBeVisible();
});

test("a share link's copy names the images it lost until they are back; Submit asks once", async ({
  page,
  context,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await openStudio(page);
  await page.getByLabel("Import script").setInputFiles(fixture("two-streams.json"));
  await setStartImage(page);
  await page.getByRole("button", { name: "Copy share link" }).click();
  // The copy may finish after the click (lz-string is fetched for it): read once it says so.
  await expect(page.getByText("Share link copied")).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());

  await page.goto(link);
  await expect(page.getByText(/Opened the shared script/)).toBeVisible();
  await expect(draftName(page)).toHaveValue("two-streams (2)");
  const notice = page
    .getByRole("alert")
    .filter({ hasText: "Images did not come with this draft." });
  await expect(notice).toContainText("stream 1 (“A rainy neon street at night”)");
  await expect(notice).not.toContainText("stream 2");
  // Kept with the draft.
  await page.reload();
  await expect(notice).toBeVisible();

  const submit = page.getByRole("button", { name: "Submit", exact: true });
  const ask = page.getByRole("dialog", { name: "Submit without the images?" });
  await submit.click();
  await ask.getByRole("button", { name: "Add the images first" }).click();
  await expect(ask).toBeHidden();
  await expect(
    page.getByRole("alert").filter({ hasText: "You chose to add the missing images first." }),
  ).toBeVisible();

  await submit.click();
  await ask.getByRole("button", { name: "Submit without them" }).click();
  const submitted = page.getByRole("listitem").filter({ hasText: "Job submitted" });
  await expect(submitted).toHaveCount(1);
  // Asked once for this draft: the next Submit goes straight away, after a reload too.
  await page.reload();
  await expect(notice).toBeVisible();
  await submit.click();
  await expect(page.getByRole("listitem").filter({ hasText: "Job submitted" })).toHaveCount(1);
  await expect(ask).toBeHidden();

  // The image back: the notice goes.
  await setStartImage(page);
  await expect(notice).toHaveCount(0);
});

/**
 * Holds IndexedDB's drafts store busy, as a slow disk would, until the page goes: a save
 * started now does not land before a reload.
 */
async function stallDraftSaves(page: Page) {
  // The studio has made its database by the time a new draft is saved in it.
  await expect
    .poll(() => page.evaluate(async () => (await indexedDB.databases()).map((db) => db.name)))
    .toContain("simulate-studio-drafts");
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open("simulate-studio-drafts");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const drafts = open.result.transaction("drafts", "readwrite").objectStore("drafts");
          const spin = () => {
            drafts.get("nothing").onsuccess = spin;
          };
          spin();
          resolve();
        };
      }),
  );
}

test("an image set the instant before a reload is there after it", async ({ page }) => {
  await openStudio(page);
  await page.getByRole("button", { name: "Add stream" }).click();
  await page.getByRole("textbox", { name: "Prompt" }).fill("A harbour at dusk");
  await stallDraftSaves(page);
  const chooser = page.waitForEvent("filechooser");
  await page.getByRole("button", { name: "Add an image" }).click();
  await (await chooser).setFiles(fixture("frame.png"));
  await expect(page.getByRole("img", { name: "Start frame" })).toBeVisible();
  await page.reload();
  await entry(page, "start at 0.00 s").click();
  await expect(page.getByRole("textbox", { name: "Prompt" })).toHaveValue("A harbour at dusk");
  await expect(page.getByRole("img", { name: "Start frame" })).toBeVisible();
});

test("on a phone the drafts browser keeps a draft's name readable", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openStudio(page);
  await draftName(page).fill("Harbour at dusk, second pass");
  const dialog = await openBrowser(page);
  const row = dialog.getByRole("listitem", { name: /Harbour at dusk, second pass/ });
  const name = row.getByText("Harbour at dusk, second pass");
  // The actions wrap under the name instead of squeezing it to a letter a line.
  expect((await name.boundingBox())!.height).toBeLessThan(60);
  const dialogBox = (await dialog.boundingBox())!;
  const actionsBox = (await row.getByRole("button", { name: /^Duplicate/ }).boundingBox())!;
  expect(actionsBox.x + actionsBox.width).toBeLessThanOrEqual(dialogBox.x + dialogBox.width);
});
