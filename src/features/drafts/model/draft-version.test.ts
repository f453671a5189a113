import { describe, expect, it } from "vitest";
import { supersedes } from "./draft-version";

describe("supersedes", () => {
  it("takes only a strictly newer version", () => {
    expect(supersedes({ savedAt: 11 }, 10)).toBe(true);
    expect(supersedes({ savedAt: 10 }, 10)).toBe(false);
    expect(supersedes({ savedAt: 9 }, 10)).toBe(false);
  });

  it("takes any version when nothing is shown, but never one without a time", () => {
    expect(supersedes({ savedAt: 0 }, null)).toBe(true);
    expect(supersedes({ savedAt: Number.NaN }, null)).toBe(false);
    expect(supersedes({ savedAt: Number.NaN }, 10)).toBe(false);
  });
});
