import { describe, expect, it } from "vitest";
import { uniqueName } from "./unique-name";

describe("uniqueName", () => {
  it("keeps a name no draft has", () => {
    expect(uniqueName("Harbour", ["Forest"])).toBe("Harbour");
  });

  it("numbers a taken name from 2, skipping numbers in use", () => {
    expect(uniqueName("Harbour", ["Harbour"])).toBe("Harbour (2)");
    expect(uniqueName("Harbour", ["Harbour", "Harbour (2)", "Harbour (3)"])).toBe("Harbour (4)");
  });

  it("counts on from a number the name already has", () => {
    expect(uniqueName("Harbour (2)", ["Harbour", "Harbour (2)"])).toBe("Harbour (3)");
  });

  it("treats names that only look alike as different", () => {
    expect(uniqueName("harbour", ["Harbour"])).toBe("harbour");
    expect(uniqueName("Harbour (copy)", ["Harbour (copy)"])).toBe("Harbour (copy) (2)");
  });
});
