// @vitest-environment jsdom
import { cleanup, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { afterEach, describe, expect, it } from "vitest";
import { Dialog } from "../dialog";

function Harness({ withField = true }: { withField?: boolean }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Open settings
      </button>
      <Dialog open={open} onClose={() => setOpen(false)} title="Settings" description="Change it">
        {withField ? <input aria-label="Name" /> : <p>Nothing to fill in</p>}
      </Dialog>
    </>
  );
}

afterEach(cleanup);

describe("Dialog", () => {
  it("moves focus into its body on open, closes on Escape and returns focus to its opener", async () => {
    const user = userEvent.setup();
    render(<Harness />);
    const opener = screen.getByRole("button", { name: "Open settings" });
    await user.click(opener);
    const dialog = screen.getByRole("dialog", { name: "Settings" });
    expect(dialog).toHaveAccessibleDescription("Change it");
    expect(screen.getByRole("textbox", { name: "Name" })).toHaveFocus();

    await user.keyboard("{Escape}");
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    expect(opener).toHaveFocus();
  });

  it("focuses its close button when the body has nothing to focus, and closes with it", async () => {
    const user = userEvent.setup();
    render(<Harness withField={false} />);
    const opener = screen.getByRole("button", { name: "Open settings" });
    await user.click(opener);
    const close = screen.getByRole("button", { name: "Close" });
    expect(close).toHaveFocus();
    await user.click(close);
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    expect(opener).toHaveFocus();
  });
});
