// @vitest-environment jsdom
import { cleanup, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { Alert } from "../alert";
import { Button } from "../button";
import { Menu, MenuItem } from "../menu";

afterEach(cleanup);

describe("Button", () => {
  it("keeps focus while pending but ignores clicks and says it is unavailable", async () => {
    const onClick = vi.fn();
    const { rerender } = render(
      <Button pending onClick={onClick}>
        Submitting…
      </Button>,
    );
    const button = screen.getByRole("button", { name: "Submitting…" });
    expect(button).toHaveAttribute("aria-disabled", "true");
    expect(button).not.toBeDisabled();
    await userEvent.click(button);
    expect(onClick).not.toHaveBeenCalled();

    rerender(<Button onClick={onClick}>Submit</Button>);
    expect(screen.getByRole("button", { name: "Submit" })).not.toHaveAttribute("aria-disabled");
    await userEvent.click(screen.getByRole("button", { name: "Submit" }));
    expect(onClick).toHaveBeenCalledOnce();
  });
});

describe("Alert", () => {
  it("interrupts for an error in every layout, and its Dismiss is a button", async () => {
    const onDismiss = vi.fn();
    render(
      <>
        <Alert layout="floating" title="Not submitted." onDismiss={onDismiss}>
          The server refused it.
        </Alert>
        <Alert layout="overlay" action={<Button>Retry</Button>}>
          The video could not be loaded.
        </Alert>
        <Alert tone="info">Saved.</Alert>
      </>,
    );
    const [floating, overlay] = screen.getAllByRole("alert");
    expect(floating).toHaveTextContent("Not submitted. The server refused it.");
    expect(overlay).toHaveTextContent("The video could not be loaded.");
    expect(screen.getByRole("status")).toHaveTextContent("Saved.");
    await userEvent.click(screen.getByRole("button", { name: "Dismiss" }));
    expect(onDismiss).toHaveBeenCalledOnce();
  });
});

describe("Menu", () => {
  function renderMenu(onClose = vi.fn(), onCut = vi.fn()) {
    render(
      <Menu label="Actions" x={10} y={10} onClose={onClose}>
        <MenuItem onSelect={onCut}>Cut</MenuItem>
        <MenuItem disabled onSelect={() => undefined}>
          Copy
        </MenuItem>
        <MenuItem danger onSelect={() => undefined}>
          Delete
        </MenuItem>
      </Menu>,
    );
    return { onClose, onCut };
  }

  it("focuses its first item and moves with the arrows, skipping disabled items", async () => {
    const { onCut } = renderMenu();
    expect(screen.getByRole("menu", { name: "Actions" })).toBeInTheDocument();
    expect(screen.getByRole("menuitem", { name: "Cut" })).toHaveFocus();
    await userEvent.keyboard("{ArrowDown}");
    expect(screen.getByRole("menuitem", { name: "Delete" })).toHaveFocus();
    await userEvent.keyboard("{ArrowDown}");
    expect(screen.getByRole("menuitem", { name: "Cut" })).toHaveFocus();
    await userEvent.keyboard("{ArrowUp}");
    expect(screen.getByRole("menuitem", { name: "Delete" })).toHaveFocus();
    await userEvent.click(screen.getByRole("menuitem", { name: "Cut" }));
    expect(onCut).toHaveBeenCalledOnce();
  });

  it("closes on Escape and on a click elsewhere", async () => {
    const { onClose } = renderMenu();
    await userEvent.keyboard("{Escape}");
    expect(onClose).toHaveBeenCalledTimes(1);
    await userEvent.click(document.body);
    expect(onClose).toHaveBeenCalledTimes(2);
  });
});
