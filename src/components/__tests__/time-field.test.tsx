// @vitest-environment jsdom
import { cleanup, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import fc from "fast-check";
import { useState } from "react";
import { afterEach, describe, expect, it } from "vitest";
import { TimeField } from "../time-field";
import { formatTime, parseTime, TIME_FORMAT_MESSAGE } from "../time-format";

afterEach(cleanup);

describe("parseTime", () => {
  it.each([
    ["3.25", 3250],
    ["3,25", 3250],
    [" 3.25 s ", 3250],
    ["3.25s", 3250],
    ["3", 3000],
    [".5", 500],
    ["3250 ms", 3250],
    ["1:05.5", 65_500],
    ["0:03.25", 3250],
    ["1:02:03", 3_723_000],
    ["0.0004", 0],
  ])("reads %j as %i ms", (text, ms) => {
    expect(parseTime(text)).toEqual({ ok: true, ms });
  });

  it.each(["", "  ", "soon", "-1", "1:75", "1.5:10", "3..2", "1:2:3:4", "Infinity", "1e3"])(
    "refuses %j with the same message",
    (text) => {
      expect(parseTime(text)).toEqual({ ok: false, message: TIME_FORMAT_MESSAGE });
    },
  );

  it("reads back what it formats, in both formats", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), (raw) => {
        const ms = Math.round(raw / 10) * 10;
        expect(parseTime(formatTime(ms, "seconds"))).toEqual({ ok: true, ms });
        expect(parseTime(formatTime(ms, "timecode"))).toEqual({ ok: true, ms });
      }),
    );
  });
});

function Harness({ clampTo }: { clampTo?: number }) {
  const [ms, setMs] = useState(3000);
  return (
    <TimeField
      label="Time (seconds)"
      valueMs={ms}
      hint="Press Enter to apply."
      onCommit={(wanted) => {
        const next = clampTo !== undefined ? Math.min(wanted, clampTo) : wanted;
        setMs(next);
        return next === wanted ? null : `Kept at ${next / 1000} s`;
      }}
    />
  );
}

describe("TimeField", () => {
  it("commits on Enter, shows what was kept, and refuses bad input without losing the value", async () => {
    const user = userEvent.setup();
    render(<Harness clampTo={5000} />);
    const field = screen.getByRole("textbox", { name: "Time (seconds)" });
    expect(field).toHaveValue("3.00");
    expect(field).toHaveAccessibleDescription("Press Enter to apply.");

    await user.clear(field);
    await user.type(field, "0:04.5{Enter}");
    expect(field).toHaveValue("4.50");

    await user.clear(field);
    await user.type(field, "9{Enter}");
    expect(field).toHaveValue("5.00");
    expect(field).toHaveAccessibleDescription("Kept at 5 s");

    await user.clear(field);
    await user.type(field, "later{Enter}");
    expect(field).toHaveAttribute("aria-invalid", "true");
    expect(field).toHaveAccessibleDescription(TIME_FORMAT_MESSAGE);

    await user.keyboard("{Escape}");
    expect(field).toHaveValue("5.00");
    expect(field).toHaveAttribute("aria-invalid", "false");
  });

  it("commits when it loses focus", async () => {
    const user = userEvent.setup();
    render(
      <>
        <Harness />
        <button type="button">elsewhere</button>
      </>,
    );
    const field = screen.getByRole("textbox", { name: "Time (seconds)" });
    await user.clear(field);
    await user.type(field, "7,5");
    await user.click(screen.getByRole("button", { name: "elsewhere" }));
    expect(field).toHaveValue("7.50");
  });
});
