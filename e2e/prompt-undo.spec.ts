// One undo history: Ctrl+Z in a prompt takes back the same typing burst as the toolbar's Undo,
// not the browser's one character at a time.
import { expect, type Locator, type Page, test } from "./test";

/** Two typing bursts in `prompt`: leaving the field ends a burst, as a pause does. */
async function typeTwoBursts(page: Page, prompt: Locator) {
  await prompt.click();
  await prompt.pressSequentially("A quiet harbour");
  await page.keyboard.press("Tab");
  await prompt.click();
  await page.keyboard.press("End");
  await prompt.pressSequentially(" at dawn");
  await expect(prompt).toHaveValue("A quiet harbour at dawn");
}

/** A first visit's new stream, its prompt typed in two bursts; gives the prompt field. */
async function newStreamTypedInTwoBursts(page: Page): Promise<Locator> {
  await page.goto("/");
  await page.getByRole("button", { name: "Add stream" }).click();
  const prompt = page.getByRole("textbox", { name: "Prompt" });
  await typeTwoBursts(page, prompt);
  return prompt;
}

test("Ctrl+Z in the prompt undoes the last typing burst, Ctrl+Shift+Z brings it back", async ({
  page,
}) => {
  const prompt = await newStreamTypedInTwoBursts(page);

  await page.keyboard.press("Control+z");
  await expect(prompt).toHaveValue("A quiet harbour");
  await expect(prompt).toBeFocused();
  await page.keyboard.press("Control+Shift+z");
  await expect(prompt).toHaveValue("A quiet harbour at dawn");

  // The toolbar's Undo takes back exactly the same step.
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(prompt).toHaveValue("A quiet harbour");
  await prompt.click();
  await page.keyboard.press("Control+y");
  await expect(prompt).toHaveValue("A quiet harbour at dawn");
  // Typing goes on where the caret was left, at the end of what came back.
  await page.keyboard.type(".");
  await expect(prompt).toHaveValue("A quiet harbour at dawn.");
});

test("Ctrl+Z in the list view's prompt undoes the same burst", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("button", { name: "Add stream" }).click();
  await page.getByRole("radio", { name: "List view" }).check();
  const prompt = page.getByRole("textbox", { name: /^Prompt of the start of stream 1/ });
  await typeTwoBursts(page, prompt);
  await page.keyboard.press("Control+z");
  await expect(prompt).toHaveValue("A quiet harbour");
  await page.keyboard.press("Control+Shift+z");
  await expect(prompt).toHaveValue("A quiet harbour at dawn");
});

/**
 * The browser's own Undo or Redo on the focused field, run as its Edit or context menu runs
 * it: an editing command, which reaches the page as a beforeinput of type historyUndo or
 * historyRedo. (document.execCommand does not fire beforeinput, so it cannot stand in.) The
 * key it rides on, F24, is no shortcut of the studio's.
 */
async function browserHistory(page: Page, command: "undo" | "redo") {
  const cdp = await page.context().newCDPSession(page);
  const key = { key: "F24", code: "F24", windowsVirtualKeyCode: 135 };
  await cdp.send("Input.dispatchKeyEvent", { type: "rawKeyDown", ...key, commands: [command] });
  await cdp.send("Input.dispatchKeyEvent", { type: "keyUp", ...key });
  await cdp.detach();
}

test("the browser's own Undo (Edit or context menu) runs the studio's history", async ({
  page,
}) => {
  const prompt = await newStreamTypedInTwoBursts(page);
  const redo = page.getByRole("button", { name: "Redo" });
  await expect(redo).toBeDisabled();

  await browserHistory(page, "undo");
  await expect(prompt).toHaveValue("A quiet harbour");
  // The studio's history moved back, rather than recording the browser's undo as a new edit.
  // (The browser's own Redo stays greyed out: its own stack never moved. Ctrl+Shift+Z and the
  // toolbar's Redo bring the burst back.)
  await expect(redo).toBeEnabled();
  await redo.click();
  await expect(prompt).toHaveValue("A quiet harbour at dawn");
  // The toolbar's Undo takes back the same burst the browser's Undo did.
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(prompt).toHaveValue("A quiet harbour");
});
