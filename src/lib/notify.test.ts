// The rules notify adds to sonner, against a stand-in for sonner that records its calls: what
// the Toaster then draws is sonner's own business (e2e/toasts.spec.ts sees it in Chromium).
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

const sonner = vi.hoisted(() => {
  const fn = Object.assign(
    vi.fn((_title: string, data?: { id?: string | number }) => data?.id ?? 0),
    {
      success: vi.fn((_title: string, data?: { id?: string | number }) => data?.id ?? 0),
      error: vi.fn((_title: string, data?: { id?: string | number }) => data?.id ?? 0),
      info: vi.fn(),
      warning: vi.fn(),
      dismiss: vi.fn(),
    },
  );
  return fn;
});
vi.mock("sonner", () => ({ toast: sonner }));

const { DEFAULT_DURATION_MS, HOVER_GRACE_MS, MAX_TOASTS, loadSonner, toast } =
  await import("./notify");
// notify fetches sonner on first use; with it here, calls reach it at once.
await loadSonner();

beforeEach(() => {
  vi.useFakeTimers();
  vi.clearAllMocks();
});
afterEach(() => {
  toast.dismiss();
  vi.useRealTimers();
});

describe("notify", () => {
  it("merges a repeat into the toast still showing, with a count", () => {
    toast.success("Script JSON copied");
    toast.success("Script JSON copied");
    toast.success("Script JSON copied");
    const titles = sonner.success.mock.calls.map(([title]) => title);
    expect(titles).toEqual([
      "Script JSON copied",
      "Script JSON copied (×2)",
      "Script JSON copied (×3)",
    ]);
    const ids = new Set(sonner.success.mock.calls.map(([, data]) => data?.id));
    expect(ids.size).toBe(1);
    expect(sonner.dismiss).not.toHaveBeenCalled();
  });

  it("keeps at most three toasts, retiring the oldest", () => {
    for (const name of ["a", "b", "c", "d", "e"]) toast.error(`Could not import ${name}.json`);
    expect(MAX_TOASTS).toBe(3);
    expect(sonner.dismiss.mock.calls.map(([id]) => id)).toEqual([
      "error:Could not import a.json",
      "error:Could not import b.json",
    ]);
  });

  it("retires by first appearance: an update does not make a toast the newest", () => {
    toast("Job submitted", { id: "job:1", description: "queued" });
    toast.success("Link copied");
    toast.error("Could not import a.json");
    toast("Job submitted", { id: "job:1", description: "rendering: 50 %" });
    toast.error("Could not import b.json");
    expect(sonner.dismiss.mock.calls.map(([id]) => id)).toEqual(["job:1"]);
  });

  it("counts afresh once a toast has left", () => {
    toast.success("Link copied");
    const [, data] = sonner.success.mock.calls[0] as [string, { onAutoClose: () => void }];
    data.onAutoClose();
    toast.success("Link copied");
    expect(sonner.success.mock.calls.map(([title]) => title)).toEqual([
      "Link copied",
      "Link copied",
    ]);
  });

  it("dismisses every toast by its deadline, even one a resting pointer keeps paused", () => {
    toast("Deleted “Draft 2”");
    toast.error("Job abc failed", { duration: 15_000 });
    vi.advanceTimersByTime(DEFAULT_DURATION_MS + HOVER_GRACE_MS);
    expect(sonner.dismiss.mock.calls.map(([id]) => id)).toEqual(["message:Deleted “Draft 2”"]);
    vi.advanceTimersByTime(15_000 - DEFAULT_DURATION_MS);
    expect(sonner.dismiss).toHaveBeenLastCalledWith("error:Job abc failed");
  });

  it("updates a toast in place, uncounted, when the same title comes with new details", () => {
    toast.success("Job submitted", { id: "job:1", description: "Job 1 is queued." });
    toast.success("Job submitted", { id: "job:1", description: "Job 1 is rendering: 10 %." });
    toast.success("Job submitted", { id: "job:1", description: "Job 1 is rendering: 10 %." });
    expect(sonner.success.mock.calls.map(([title, data]) => [title, data?.id])).toEqual([
      ["Job submitted", "job:1"],
      ["Job submitted", "job:1"],
      ["Job submitted (×2)", "job:1"],
    ]);
    expect(sonner.dismiss).not.toHaveBeenCalled();
  });

  it("keeps a caller's own id, so a caller can merge toasts of different words", () => {
    toast.error("Could not save", { id: "storage-error" });
    toast.error("Storage is full", { id: "storage-error" });
    expect(sonner.error.mock.calls.map(([title, data]) => [title, data?.id])).toEqual([
      ["Could not save", "storage-error"],
      ["Storage is full", "storage-error"],
    ]);
  });
});
