// No edit is lost to a reload, a navigation or a crashed tab, however soon after it was made:
// each page goes the moment the edit is on screen, long before the IndexedDB autosave's delay.
import { expect, type Page, test } from "./test";
import { dragReady, entry, fixture, openStudio } from "./studio-helpers";

async function typeNewStreamPrompt(page: Page, words: string) {
  await page.getByRole("button", { name: "Add stream" }).click();
  const prompt = page.getByRole("textbox", { name: "Prompt" });
  await prompt.click();
  await prompt.pressSequentially(words);
  await expect(prompt).toHaveValue(words);
}

async function expectStartPrompt(page: Page, words: string) {
  await expect(entry(page, "start at 0.00 s")).toBeVisible();
  await entry(page, "start at 0.00 s").click();
  await expect(page.getByRole("textbox", { name: "Prompt" })).toHaveValue(words);
}

test("typed words are there after a reload 100 ms later", async ({ page }) => {
  await openStudio(page);
  await typeNewStreamPrompt(page, "A lighthouse in a storm");
  await page.waitForTimeout(100);
  await page.reload();
  await expectStartPrompt(page, "A lighthouse in a storm");
});

test("typed words are there after going to the same address 100 ms later", async ({ page }) => {
  await openStudio(page);
  await typeNewStreamPrompt(page, "A harbour at dawn");
  await page.waitForTimeout(100);
  await page.goto(page.url());
  await expectStartPrompt(page, "A harbour at dawn");
});

test("a dragged interaction keeps its new time through an immediate reload", async ({ page }) => {
  await openStudio(page);
  await page.getByLabel("Import script").setInputFiles(fixture("two-streams.json"));
  const marker = entry(page, "interaction at 3.00 s");
  await dragReady(page);
  await marker.scrollIntoViewIfNeeded();
  const box = (await marker.boundingBox())!;
  const y = box.y + box.height / 2;
  // 80 px per second at the default zoom: 160 px is two seconds.
  await page.mouse.move(box.x + box.width / 2, y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 60, y, { steps: 6 });
  await page.mouse.move(box.x + box.width / 2 + 160, y, { steps: 6 });
  await page.mouse.up();
  await expect(entry(page, "interaction at 5.00 s")).toBeVisible();
  await page.reload();
  await expect(entry(page, "interaction at 5.00 s")).toBeVisible();
  await expect(entry(page, "interaction at 3.00 s")).toHaveCount(0);
});

test("an imported script is the open draft after an immediate reload", async ({ page }) => {
  await openStudio(page);
  await page.getByLabel("Import script").setInputFiles(fixture("two-streams.json"));
  await expect(entry(page, "start at 9.00 s")).toBeVisible();
  await page.reload();
  await expect(entry(page, "start at 9.00 s")).toBeVisible();
  await expect(entry(page, "interaction at 3.00 s")).toBeVisible();
  await expect(entry(page, "end at 12.00 s")).toBeVisible();
});

test("typed words outlive a tab that crashes straight after", async ({ page, context }) => {
  await openStudio(page);
  await typeNewStreamPrompt(page, "A forest after rain");
  // The renderer dies: no pagehide, no unload, nothing the page can do at the last moment.
  const devtools = await context.newCDPSession(page);
  const crashed = page.waitForEvent("crash");
  devtools.send("Page.crash").catch(() => undefined);
  await crashed;

  const next = await context.newPage();
  await openStudio(next);
  await expectStartPrompt(next, "A forest after rain");
});

test("with localStorage full, the banner says so and drafts still reach IndexedDB", async ({
  page,
}) => {
  await openStudio(page);
  await page.evaluate(() => {
    let n = 0;
    for (const size of [64 * 1024, 1024, 16]) {
      for (;;) {
        try {
          localStorage.setItem(`filler-${n++}`, "x".repeat(size));
        } catch {
          break;
        }
      }
    }
  });
  await typeNewStreamPrompt(page, "A lighthouse in a storm");
  await expect(page.getByRole("alert")).toContainText(
    "Edits are not kept instantly. This browser's localStorage is full",
  );
  // Saved without the autosave's delay, straight to IndexedDB.
  await expect
    .poll(() =>
      page.evaluate(
        () =>
          new Promise<string[]>((resolve) => {
            const open = indexedDB.open("simulate-studio-drafts");
            open.onsuccess = () => {
              const all = open.result.transaction("drafts").objectStore("drafts").getAll();
              all.onsuccess = () =>
                resolve(
                  (all.result as { clips?: { start: { prompt: string } }[] }[]).flatMap(
                    (record) => record.clips?.map((clip) => clip.start.prompt) ?? [],
                  ),
                );
            };
          }),
      ),
    )
    .toContain("A lighthouse in a storm");
  await page.reload();
  await expectStartPrompt(page, "A lighthouse in a storm");
});
