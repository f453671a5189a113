// The studio's parts kept off its first load (studio-chunks.ts) work on the first use even while
// their chunk is still on its way: each opens once it has arrived.
import { expect, type Page, test } from "./test";
import { dragBy, dragReady, entry, fixture, scriptTimes } from "./studio-helpers";

/** Holds back the chunk whose file name starts so until the returned release is called. */
async function holdChunk(page: Page, name: string) {
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  const asked = { value: false };
  await page.route(`**/assets/${name}-*.js`, async (route) => {
    asked.value = true;
    await held;
    await route.continue();
  });
  return { release, asked: () => asked.value };
}

test("an entry added before the inspector's fields arrived gets its prompt focused", async ({
  page,
}) => {
  const chunk = await holdChunk(page, "entry-fields");
  await page.goto("/");
  await page.getByLabel("Import script").setInputFiles(fixture("two-streams.json"));
  await expect(entry(page, "start at 9.00 s")).toBeVisible();
  await page.getByRole("heading", { level: 1, name: "Studio" }).click();
  await page.keyboard.press("End");
  await page.keyboard.press("s");
  await expect(entry(page, "start at 12.00 s")).toBeVisible();
  await expect.poll(chunk.asked).toBe(true);
  await expect(page.getByRole("button", { name: "Delete stream" })).toBeVisible();
  chunk.release();
  const prompt = page.getByRole("textbox", { name: "Prompt" });
  await expect(prompt).toBeFocused();
  await page.keyboard.type("A harbour at dusk");
  await expect(prompt).toHaveValue("A harbour at dusk");
});

test("the context menu opens on a right-click made before its chunk arrived", async ({ page }) => {
  const chunk = await holdChunk(page, "timeline-context-menu");
  await page.goto("/");
  await page.getByLabel("Import script").setInputFiles(fixture("two-streams.json"));
  await expect(entry(page, "start at 9.00 s")).toBeVisible();

  await entry(page, "interaction at 3.00 s").click({ button: "right" });
  await expect.poll(chunk.asked).toBe(true);
  await expect(page.getByRole("menu", { name: "Timeline actions" })).toHaveCount(0);
  chunk.release();
  const menu = page.getByRole("menu", { name: "Timeline actions" });
  await expect(menu).toBeVisible();
  await expect(menu.getByRole("menuitem", { disabled: false }).first()).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(menu).toHaveCount(0);
});

test("the studio works before TanStack Query's core arrives, and the Jobs page waits for it", async ({
  page,
}) => {
  const chunk = await holdChunk(page, "query");
  await page.goto("/");
  await page.getByLabel("Import script").setInputFiles(fixture("two-streams.json"));
  await expect(entry(page, "start at 9.00 s")).toBeVisible();
  await expect.poll(chunk.asked).toBe(true);
  await page.getByRole("button", { name: "Add stream" }).click();
  await expect(entry(page, "start at 12.00 s")).toBeVisible();

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Jobs" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Loading page…" })).toBeVisible();
  chunk.release();
  await expect(page.getByRole("heading", { level: 1, name: "Jobs" })).toBeVisible();
});

test("a page says so when TanStack Query's core cannot be fetched", async ({ page }) => {
  await page.route("**/assets/query-*.js", (route) => route.abort());
  await page.goto("/jobs");
  await expect(page.getByText("This page could not be shown.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Reload" })).toBeVisible();
  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Studio" })
    .click();
  await expect(page.getByRole("region", { name: "Timeline" })).toBeVisible();
});

test("a press made before dragging arrived moves nothing, and dragging works once it has", async ({
  page,
}) => {
  const chunk = await holdChunk(page, "timeline-drag-layer");
  await page.goto("/");
  await page.getByLabel("Import script").setInputFiles(fixture("two-streams.json"));
  const marker = entry(page, "interaction at 3.00 s");
  await expect(marker).toBeVisible();
  await expect.poll(chunk.asked).toBe(true);
  const timeline = page.getByRole("region", { name: "Timeline" });
  await expect(timeline).not.toHaveAttribute("data-drag-ready");

  // Pressed before it arrived, moved across its arrival, let go after: nothing moves (no ghost
  // shows, no time changes), as if the press had been a click.
  const box = (await marker.boundingBox())!;
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + 60, y, { steps: 6 });
  chunk.release();
  await dragReady(page);
  await page.mouse.move(x + 160, y, { steps: 6 });
  await page.mouse.up();
  await expect(page.getByText(/^interaction at /)).toHaveCount(0);
  expect(await scriptTimes(page)).toEqual([0, 3000, 9000, 9000, 12000]);

  await dragBy(page, marker, 160);
  await expect(entry(page, "interaction at 5.00 s")).toBeVisible();
  await expect.poll(() => scriptTimes(page)).toEqual([0, 5000, 9000, 9000, 12000]);
});

test("when dragging cannot be fetched, the timeline says so and keys still edit", async ({
  page,
}) => {
  await page.route("**/assets/timeline-drag-layer-*.js", (route) => route.abort());
  await page.goto("/");
  await page.getByLabel("Import script").setInputFiles(fixture("two-streams.json"));
  await expect(
    page
      .getByRole("alert")
      .filter({ hasText: "Dragging could not be loaded: reload the page to drag entries." }),
  ).toBeVisible();
  await expect(page.getByRole("region", { name: "Timeline" })).not.toHaveAttribute(
    "data-drag-ready",
  );

  await entry(page, "interaction at 3.00 s").focus();
  await page.keyboard.press("ArrowRight");
  await expect(entry(page, "interaction at 3.10 s")).toBeFocused();
  await expect.poll(() => scriptTimes(page)).toEqual([0, 3100, 9000, 9000, 12000]);
});
