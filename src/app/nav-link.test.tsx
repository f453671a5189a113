// @vitest-environment jsdom
// The header and the jobs tabs mark the page on screen for screen readers (aria-current) and
// with their active style, as react-router's NavLink did before the move to wouter.
import { cleanup, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import { Router } from "wouter";
import { memoryLocation } from "wouter/memory-location";
import { NavLink } from "./nav-link";

afterEach(cleanup);

function renderAt(path: string) {
  const location = memoryLocation({ path });
  render(
    <Router hook={location.hook}>
      <nav>
        <NavLink to="/" end>
          Studio
        </NavLink>
        <NavLink to="/jobs" className={({ isActive }) => (isActive ? "on" : "off")}>
          Jobs
        </NavLink>
        <NavLink to="/jobs" end>
          All jobs
        </NavLink>
        <NavLink to="/">Logo</NavLink>
      </nav>
    </Router>,
  );
  return location;
}

const current = () =>
  screen
    .getAllByRole("link")
    .filter((link) => link.getAttribute("aria-current") === "page")
    .map((link) => link.textContent);

describe("NavLink", () => {
  it("marks only the studio's links on the studio", () => {
    renderAt("/");
    expect(current()).toEqual(["Studio", "Logo"]);
    expect(screen.getByRole("link", { name: "Jobs" })).toHaveClass("off");
  });

  it("stays current below its address unless told to match it exactly", () => {
    renderAt("/jobs/recordings/abc");
    expect(current()).toEqual(["Jobs"]);
    expect(screen.getByRole("link", { name: "Jobs" })).toHaveClass("on");
  });

  it("matches its own address whatever the letter case, and not a longer word", () => {
    renderAt("/JOBS");
    expect(current()).toEqual(["Jobs", "All jobs"]);
    cleanup();
    renderAt("/jobsite");
    expect(current()).toEqual([]);
  });

  it("follows navigation", async () => {
    renderAt("/settings");
    expect(current()).toEqual([]);
    await userEvent.setup().click(screen.getByRole("link", { name: "All jobs" }));
    expect(current()).toEqual(["Jobs", "All jobs"]);
  });
});
