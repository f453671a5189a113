import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkJson, type JsonBounds } from "./json-limits";

const wide: JsonBounds = { depth: 64, itemsPerList: 1e6, keysPerObject: 1e6, values: 1e7 };
const check = (text: string, bounds = wide) => checkJson(Buffer.from(text), bounds);

describe("checkJson", () => {
  it("passes every JSON document within its bounds", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 8 }), fc.boolean(), (value, pretty) => {
        expect(check(JSON.stringify(value, null, pretty ? 2 : undefined))).toEqual({ ok: true });
      }),
      { numRuns: 2_000 },
    );
  });

  it("never calls valid JSON a syntax error", () => {
    const jsonish = fc.string({
      unit: fc.constantFrom(...'{}[],:" 1tn\\ab'.split("")),
      maxLength: 24,
    });
    fc.assert(
      fc.property(jsonish, (text) => {
        const result = check(text);
        let parses = true;
        try {
          JSON.parse(text);
        } catch {
          parses = false;
        }
        if (parses) expect(result).toEqual({ ok: true });
        // What JSON.parse refuses for its structure, the scan refuses too (scalars are left to it).
        if (!result.ok) expect(parses).toBe(false);
      }),
      { numRuns: 5_000 },
    );
  });

  it("stops at the first bound crossed, naming it", () => {
    const tight: JsonBounds = { depth: 3, itemsPerList: 3, keysPerObject: 2, values: 10 };
    expect(check("[1,2,3,4]", tight)).toEqual({
      ok: false,
      syntax: false,
      reason: "a list in the body has more than 3 items",
    });
    expect(check("[[[[1]]]]", tight)).toMatchObject({
      reason: "the body nests more than 3 levels deep",
    });
    expect(check('{"a":1,"b":2,"c":3}', tight)).toMatchObject({
      reason: "an object in the body has more than 2 keys",
    });
    expect(check("[[1,2],[3,4],[5,6,7]]", tight)).toMatchObject({
      reason: "the body has more than 10 values",
    });
    // Keys are not values, and empty containers are allowed at any count.
    expect(check('{"a":{},"b":[]}', tight)).toEqual({ ok: true });
  });

  it("names what is wrong with broken structure", () => {
    for (const [text, reason] of [
      ["", "the body is empty"],
      ["[1,]", "a value is missing"],
      ['{"a":1,}', "object keys must be strings"],
      ['{"a" 1}', "a colon is missing after a key"],
      ["[1 2]", "a comma or a closing bracket is missing"],
      ['["open', "a string is not closed"],
      ["[[1]", "the body ends inside a list or an object"],
      ["{} {}", "more than one value"],
    ] as const) {
      expect(check(text), text).toEqual({ ok: false, syntax: true, reason });
    }
  });
});
