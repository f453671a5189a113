// The studio's parts kept off its first load (studio-chunks.ts) work on the first use even while
// their chunk is still on its way: each opens once it has arrived.
import { expect, test } from "./test";
import { entry, fixture } from "./studio-helpers";

test("the context menu opens on a right-click made before its chunk arrived", async ({ page }) => {
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  let asked = false;
  await page.route("**/assets/timeline-context-menu-*.js", async (route) => {
    asked = true;
    await held;
    await route.continue();
  });
  await page.goto("/");
  await page.getByLabel("Import script").setInputFiles(fixture("two-streams.json"));
  await expect(entry(page, "start at 9.00 s")).toBeVisible();

  await entry(page, "interaction at 3.00 s").click({ button: "right" });
  await expect.poll(() => asked).toBe(true);
  await expect(page.getByRole("menu", { name: "Timeline actions" })).toHaveCount(0);
  release();
  const menu = page.getByRole("menu", { name: "Timeline actions" });
  await expect(menu).toBeVisible();
  await expect(menu.getByRole("menuitem", { disabled: false }).first()).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(menu).toHaveCount(0);
});
