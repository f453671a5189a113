// Settings on a phone, and what "Test connection" says about an address, in words.
import { expect, test } from "./test";

test("Settings at 390 px never scrolls sideways, whichever target is chosen", async ({
  page,
  baseURL,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/settings");
  await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
  const fits = () =>
    page.evaluate(
      () => document.documentElement.scrollWidth <= document.documentElement.clientWidth,
    );
  expect(await fits()).toBe(true);

  for (const target of ["Odyssey cloud", "Custom API root", "Local engine"]) {
    await page.getByRole("radio", { name: target }).check();
    await page.getByRole("button", { name: "Test connection" }).click();
    await expect(page.getByRole("status").filter({ hasText: /\w/ })).toBeVisible();
    expect(await fits(), `${target}: the page is wider than the screen`).toBe(true);
  }

  // A long address, without a space to wrap at, in the field and in the answer.
  await page.getByRole("radio", { name: "Custom API root" }).check();
  await page
    .getByRole("textbox", { name: "API root" })
    .fill(`${baseURL}/a-long-path/${"segment-".repeat(12)}api`);
  await page.getByLabel("API key").fill("k".repeat(80));
  await page.getByRole("button", { name: "Show key" }).click();
  await page.getByRole("button", { name: "Test connection" }).click();
  await expect(page.getByRole("status")).toContainText("No Simulate API at this address");
  expect(await fits(), "a long address: the page is wider than the screen").toBe(true);
});

test("Test connection says in words what an address answered", async ({ page, baseURL }) => {
  await page.goto("/settings");
  const result = page.getByRole("status").filter({ hasText: /\w/ });

  await page.getByRole("button", { name: "Test connection" }).click();
  await expect(result).toContainText("Connected.");
  await expect(result).not.toContainText(/Connected\. Connected/);

  // The studio's own origin without /api: a server, but no Simulate API there.
  await page.getByRole("radio", { name: "Custom API root" }).check();
  await page.getByRole("textbox", { name: "API root" }).fill(`${baseURL}/nothing-here`);
  await page.getByLabel("API key").fill("any-key");
  await page.getByRole("button", { name: "Test connection" }).click();
  await expect(result).toContainText("No Simulate API at this address.");
  await expect(result).not.toContainText("Not Found");

  // No key yet: Settings points at its own field, not at Settings.
  await page.getByLabel("API key").fill("");
  await page.getByRole("button", { name: "Test connection" }).click();
  await expect(result).toContainText("Not set up yet.");
  await expect(result).not.toContainText("in Settings");
});
