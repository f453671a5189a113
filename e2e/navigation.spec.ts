import { expect, test } from "./test";

test("the header's links open the Studio, Jobs and Settings pages", async ({ page }) => {
  await page.goto("/");
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(page.getByRole("heading", { level: 1, name: "Studio" })).toBeVisible();

  await nav.getByRole("link", { name: "Jobs" }).click();
  await expect(page).toHaveURL(/\/jobs$/);
  await expect(page.getByRole("heading", { level: 1, name: "Jobs" })).toBeVisible();

  await nav.getByRole("link", { name: "Settings" }).click();
  await expect(page).toHaveURL(/\/settings$/);
  await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();

  await nav.getByRole("link", { name: "Studio" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("heading", { level: 1, name: "Studio" })).toBeVisible();
});

test("a deep link survives a reload and an unknown page says so", async ({ page }) => {
  await page.goto("/settings");
  await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Settings" })).toHaveAttribute(
    "aria-current",
    "page",
  );

  await page.goto("/no/such/page");
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
});

test("a page whose code cannot be fetched says so and keeps the way to the others", async ({
  page,
}) => {
  // As after a new version is deployed: the open studio asks for a file the server no longer has.
  await page.route(/\/assets\/settings-[\w-]+\.js$/, (route) => route.fulfill({ status: 404 }));
  await page.goto("/");
  const nav = page.getByRole("navigation", { name: "Main" });
  await nav.getByRole("link", { name: "Settings" }).click();
  await expect(page.getByRole("alert")).toContainText("This page could not be shown.");
  await expect(page.getByRole("button", { name: "Reload" })).toBeVisible();

  await nav.getByRole("link", { name: "Studio" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Studio" })).toBeVisible();
  await expect(page.getByRole("alert")).toHaveCount(0);
});

test("a link to the page already open adds no step to Back", async ({ page }) => {
  await page.goto("/");
  const jobs = page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Jobs" });
  await jobs.click();
  await expect(page.getByRole("heading", { level: 1, name: "Jobs" })).toBeVisible();
  await jobs.click();
  await page.goBack();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("heading", { level: 1, name: "Studio" })).toBeVisible();
});
