// @vitest-environment jsdom
import "fake-indexeddb/auto";
import { act, cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createDraftPersistence } from "../../features/drafts/adapters/persistence";
import { DraftsStudio } from "./studio";

afterEach(cleanup);

describe("DraftsStudio", () => {
  it("says drafts are not being saved when the browser's storage is full", async () => {
    vi.spyOn(IDBObjectStore.prototype, "put").mockImplementation(() => {
      throw new DOMException("Quota exceeded", "QuotaExceededError");
    });
    const persistence = createDraftPersistence({ delayMs: 5, dbName: "studio-quota" });
    render(<DraftsStudio persistence={persistence} />);
    await screen.findByRole("region", { name: "Timeline" });
    await act(async () => {
      screen.getByRole("button", { name: "Add stream" }).click();
    });

    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Drafts are not being saved.");
    expect(alert).toHaveTextContent("The browser's storage is full.");
    expect(alert).toHaveTextContent("Export the script to keep your work.");
    // The editor stays usable: the work is still there to export.
    expect(screen.getByRole("button", { name: "start at 0.00 s" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Export JSON" })).toBeInTheDocument();
  });
});
