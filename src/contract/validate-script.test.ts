import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { validScriptArb } from "../test/arbitraries";
import type { ScriptEntry } from "./script";
import { lastFrameMs, parseScript, unseenInteractions, validateScript } from "./validate-script";

const start = (ms: number, prompt = "a lighthouse at dusk", image?: string): ScriptEntry => ({
  timestamp_ms: ms,
  start: image === undefined ? { prompt } : { prompt, image },
});
const interact = (ms: number, prompt = "the storm rolls in"): ScriptEntry => ({
  timestamp_ms: ms,
  interact: { prompt },
});
const end = (ms: number): ScriptEntry => ({ timestamp_ms: ms, end: {} });

const valid: ScriptEntry[] = [start(0), interact(2500), end(5000), start(5000), end(6000)];

function codes(entries: unknown) {
  return validateScript(entries).map((p) => p.code);
}

function base64OfLength(bytes: number): string {
  // "AAAA" decodes to three zero bytes; padding trims the remainder.
  const full = Math.floor(bytes / 3);
  const rest = bytes % 3;
  return "AAAA".repeat(full) + (rest === 0 ? "" : rest === 1 ? "AA==" : "AAA=");
}

describe("validateScript", () => {
  it("accepts a valid multi-stream script with no problems", () => {
    expect(validateScript(valid)).toEqual([]);
  });

  describe("the script as a whole", () => {
    it("must be an array", () => {
      expect(validateScript({ script: valid })).toEqual([
        {
          index: null,
          field: null,
          code: "not-an-array",
          message: "a script is a list of entries; this is an object",
        },
      ]);
      expect(codes("start")).toEqual(["not-an-array"]);
    });

    it("needs at least one stream", () => {
      expect(validateScript([])).toEqual([
        {
          index: null,
          field: null,
          code: "no-streams",
          message: "a script needs at least one stream: a start, then an end at least 1 s later",
        },
      ]);
      expect(codes([start(0), end(1000)])).toEqual([]);
    });

    it("has at most 1,000 entries", () => {
      const many: ScriptEntry[] = [start(0)];
      for (let i = 1; i < 1000; i++) many.push(interact(i));
      many.push(end(2000));
      expect(validateScript(many)).toContainEqual({
        index: null,
        field: null,
        code: "too-many-entries",
        message:
          "the script has 1,001 entries; the limit is 1,000 (only the first 1,000 were checked)",
      });
      expect(codes(many.slice(0, 999).concat(end(2000)))).toEqual([]);
    });

    it("checks only the first 1,000 entries of a longer script, however long", () => {
      // A million bad entries once cost a server seconds and a 142 MB answer.
      const junk = Array.from({ length: 1_000_000 }, () => 1);
      const problems = validateScript(junk);
      expect(problems[0]?.code).toBe("too-many-entries");
      expect(problems).toHaveLength(1 + 1000);
      expect(problems.every((p) => p.index === null || p.index < 1000)).toBe(true);
    });
  });

  describe("entries", () => {
    it("must be objects", () => {
      expect(validateScript([start(0), null, end(1000)])).toEqual([
        {
          index: 1,
          field: null,
          code: "entry-not-object",
          message: "entry 2 must be an object with a timestamp_ms and one action; it is null",
        },
      ]);
    });

    it("have whole, non-negative timestamps", () => {
      for (const bad of [-1, 1.5, "10", Number.NaN, undefined]) {
        const problems = validateScript([{ timestamp_ms: bad, start: { prompt: "x" } }, end(2000)]);
        expect(problems[0]).toMatchObject({
          index: 0,
          field: "timestamp_ms",
          code: "invalid-timestamp",
        });
      }
      expect(
        validateScript([{ timestamp_ms: -5, start: { prompt: "x" } }, end(2000)])[0]?.message,
      ).toBe("entry 1 has timestamp_ms -5; timestamps are whole milliseconds, 0 or more");
      expect(validateScript([{ start: { prompt: "x" } }, end(2000)])[0]?.message).toBe(
        "entry 1 has no timestamp_ms",
      );
    });

    it("have timestamps that never decrease", () => {
      expect(validateScript([start(0), interact(3000), interact(2000), end(4000)])).toEqual([
        {
          index: 2,
          field: "timestamp_ms",
          code: "timestamp-decreases",
          message:
            "interaction at 2.00 s comes before the entry at 3.00 s above it; timestamps never decrease",
        },
      ]);
      expect(codes([start(0), interact(0), interact(0), end(1000)])).toEqual([]);
      expect(validateScript([start(0), interact(1001), end(1000)])[0]?.message).toBe(
        "end at 1.00 s (1000 ms) comes before the entry at 1001 ms above it; timestamps never decrease",
      );
    });

    it("do exactly one thing", () => {
      expect(validateScript([start(0), { timestamp_ms: 500 }, end(1000)])).toEqual([
        {
          index: 1,
          field: null,
          code: "no-action",
          message: "entry 2 has none of start, interact or end",
        },
      ]);
      expect(
        validateScript([start(0), { timestamp_ms: 1000, interact: { prompt: "x" }, end: {} }]),
      ).toContainEqual({
        index: 1,
        field: null,
        code: "several-actions",
        message: "entry 2 has interact and end; an entry does exactly one of them",
      });
    });

    it("carry an object as their action", () => {
      expect(validateScript([start(0), { timestamp_ms: 1000, end: "now" }])).toContainEqual({
        index: 1,
        field: "end",
        code: "invalid-action",
        message: "end at 1.00 s must be an empty object ({})",
      });
      expect(codes([{ timestamp_ms: 0, start: "go" }, end(1000)])).toEqual(["invalid-action"]);
    });
  });

  describe("streams", () => {
    it("start only when no stream is open", () => {
      expect(validateScript([start(0), start(1000), end(2000)])).toEqual([
        {
          index: 1,
          field: null,
          code: "start-while-open",
          message:
            "start at 1.00 s comes while the stream started at 0.00 s is still open; end that stream first",
        },
      ]);
    });

    it("take interactions only while open", () => {
      expect(validateScript([interact(2500), start(3000), end(4000)])).toEqual([
        {
          index: 0,
          field: null,
          code: "interact-outside-stream",
          message: "interaction at 2.50 s comes before any start",
        },
      ]);
      expect(validateScript([start(0), end(1000), interact(1500), start(2000), end(3000)])).toEqual(
        [
          {
            index: 2,
            field: null,
            code: "interact-outside-stream",
            message:
              "interaction at 1.50 s comes after the stream ended at 1.00 s; start a new stream first",
          },
        ],
      );
    });

    it("end only while open", () => {
      expect(validateScript([start(0), end(1000), end(2000)])).toEqual([
        {
          index: 2,
          field: null,
          code: "end-outside-stream",
          message: "end at 2.00 s has no open stream to end",
        },
      ]);
    });

    it("are all closed when the script ends", () => {
      expect(validateScript([start(0), end(1000), start(3000), interact(3500)])).toEqual([
        {
          index: 2,
          field: null,
          code: "stream-left-open",
          message: "the script ends with the stream started at 3.00 s still open; add an end",
        },
      ]);
    });

    it("last at least 1 s", () => {
      expect(validateScript([start(0), end(500)])).toEqual([
        {
          index: 1,
          field: "timestamp_ms",
          code: "stream-too-short",
          message: "the stream starting at 0.00 s lasts 0.50 s; streams must last at least 1.00 s",
        },
      ]);
      expect(codes([start(0), end(1000)])).toEqual([]);
    });
  });

  describe("prompts", () => {
    it("are text", () => {
      expect(validateScript([{ timestamp_ms: 0, start: { prompt: 42 } }, end(1000)])).toEqual([
        {
          index: 0,
          field: "start.prompt",
          code: "prompt-not-string",
          message: "the prompt of the start at 0.00 s must be text; it is number 42",
        },
      ]);
      expect(
        validateScript([start(0), { timestamp_ms: 10, interact: {} }, end(1000)])[0],
      ).toMatchObject({
        field: "interact.prompt",
        message: "the interaction at 0.01 s has no prompt",
      });
    });

    it("are not empty after trimming", () => {
      expect(validateScript([start(0, " \n\t "), end(1000)])).toEqual([
        {
          index: 0,
          field: "start.prompt",
          code: "prompt-empty",
          message: "the prompt of the start at 0.00 s is empty",
        },
      ]);
    });

    it("are at most 2,000 characters, counted as code points", () => {
      expect(validateScript([start(0, "x".repeat(2134)), end(1000)])).toEqual([
        {
          index: 0,
          field: "start.prompt",
          code: "prompt-too-long",
          message: "the prompt of the start at 0.00 s is 2,134 characters; the limit is 2,000",
        },
      ]);
      expect(codes([start(0, "x".repeat(2000)), end(1000)])).toEqual([]);
      // 2,000 emoji are 4,000 UTF-16 units but 2,000 characters.
      expect(codes([start(0, "🌊".repeat(2000)), end(1000)])).toEqual([]);
    });
  });

  describe("images", () => {
    const withImage = (image: unknown) => [
      { timestamp_ms: 0, start: { prompt: "p", image } },
      end(1000),
    ];

    it("accept JPEG, PNG and WebP data URLs", () => {
      for (const type of ["jpeg", "png", "webp"]) {
        expect(codes(withImage(`data:image/${type};base64,${base64OfLength(10)}`))).toEqual([]);
      }
    });

    it("must be a string", () => {
      expect(codes(withImage(12))).toEqual(["image-not-string"]);
    });

    it("must be a base64 data URL", () => {
      expect(validateScript(withImage("https://example.com/a.png"))[0]).toEqual({
        index: 0,
        field: "start.image",
        code: "image-not-data-url",
        message:
          "the image of the start at 0.00 s is not a base64 data URL (data:image/jpeg;base64,...)",
      });
    });

    it("must be JPEG, PNG or WebP", () => {
      expect(
        validateScript(withImage(`data:image/gif;base64,${base64OfLength(6)}`))[0]?.message,
      ).toBe("the image of the start at 0.00 s is image/gif; use JPEG, PNG or WebP");
    });

    it("must be valid base64", () => {
      expect(codes(withImage("data:image/png;base64,not base64!"))).toEqual([
        "image-invalid-base64",
      ]);
      expect(codes(withImage("data:image/png;base64,"))).toEqual(["image-invalid-base64"]);
    });

    it("decode to at most 25 MB", () => {
      const limit = 25 * 1024 * 1024;
      expect(codes(withImage(`data:image/png;base64,${base64OfLength(limit)}`))).toEqual([]);
      expect(
        validateScript(withImage(`data:image/png;base64,${base64OfLength(limit + 1)}`))[0],
      ).toEqual({
        index: 0,
        field: "start.image",
        code: "image-too-large",
        message: "the image of the start at 0.00 s is 25.0 MB; the limit is 25.0 MB",
      });
    });
  });

  it("reports every problem at once", () => {
    expect(codes([interact(0), start(100, ""), end(500), end(400)])).toEqual([
      "interact-outside-stream",
      "prompt-empty",
      "stream-too-short",
      "timestamp-decreases",
      "end-outside-stream",
    ]);
  });

  it("never throws, whatever JSON it is given", () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.array(fc.jsonValue()), fc.anything()), (value) => {
        expect(Array.isArray(validateScript(value))).toBe(true);
      }),
    );
  });

  it("never throws on arrays of entry-like objects", () => {
    const entryLike = fc.record(
      {
        timestamp_ms: fc.oneof(fc.integer(), fc.double(), fc.string()),
        start: fc.oneof(fc.record({ prompt: fc.anything(), image: fc.anything() }), fc.anything()),
        interact: fc.anything(),
        end: fc.anything(),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.array(entryLike), (value) => {
        expect(Array.isArray(validateScript(value))).toBe(true);
      }),
    );
  });

  it("finds nothing wrong with generated valid scripts", () => {
    fc.assert(fc.property(validScriptArb, (script) => validateScript(script).length === 0));
  });
});

describe("parseScript", () => {
  it("returns the script without fields the contract does not know", () => {
    const parsed = parseScript([
      { timestamp_ms: 0, start: { prompt: "p", extra: 1 }, note: "x" },
      { timestamp_ms: 1000, end: {} },
    ]);
    expect(parsed).toEqual({
      ok: true,
      script: [
        { timestamp_ms: 0, start: { prompt: "p" } },
        { timestamp_ms: 1000, end: {} },
      ],
    });
  });

  it("returns the problems of an invalid script", () => {
    const parsed = parseScript([end(0)]);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok)
      expect(parsed.problems.map((p) => p.code)).toEqual(["end-outside-stream", "no-streams"]);
  });
});

describe("lastFrameMs and unseenInteractions", () => {
  it("put a stream's last frame 40 ms before its end when it holds whole frames", () => {
    expect(lastFrameMs(0, 6000)).toBe(5960);
    expect(lastFrameMs(1000, 7000)).toBe(6960);
    // Rounded frame counts: 6.01 s hold 150 frames, 6.02 s hold 151.
    expect(lastFrameMs(0, 6010)).toBe(5960);
    expect(lastFrameMs(0, 6020)).toBe(6000);
  });

  it("name each interaction after its stream's last frame, by its index", () => {
    const script = [
      start(0),
      interact(3000),
      interact(5999),
      end(6000),
      start(6000),
      interact(7000),
      end(7000),
    ];
    expect(unseenInteractions(script).map((p) => [p.index, p.field, p.code])).toEqual([
      [2, "timestamp_ms", "interaction-unseen"],
      [5, "timestamp_ms", "interaction-unseen"],
    ]);
    expect(unseenInteractions(script)[1]?.message).toBe(
      "the interaction at 7.00 s comes when its stream ends at 7.00 s; it would never be seen: move it to 6.96 s or earlier",
    );
    expect(unseenInteractions([start(0), interact(5960), end(6000)])).toEqual([]);
  });

  it("is not one of validateScript's rules: the API takes such a script", () => {
    expect(validateScript([start(0), interact(6000), end(6000)])).toEqual([]);
  });

  it("agree with the renderer: an interaction is seen when its stream has a frame at or after it", () => {
    // server/render: round(duration / 40 ms) frames; an entry first shows on frame ceil(offset / 40).
    fc.assert(
      fc.property(validScriptArb, (script) => {
        const flagged = new Set(unseenInteractions(script).map((p) => p.index));
        let startMs = 0;
        const ends = new Map<number, number>();
        script.forEach((entry, index) => {
          if (entry.end) ends.set(index, entry.timestamp_ms);
        });
        script.forEach((entry, index) => {
          if (entry.start) startMs = entry.timestamp_ms;
          if (!entry.interact) return;
          const endMs = [...ends].find(([i]) => i > index)?.[1] as number;
          const frames = Math.round((endMs - startMs) / 40);
          const firstFrame = Math.ceil((entry.timestamp_ms - startMs) / 40);
          expect(flagged.has(index)).toBe(firstFrame >= frames);
        });
      }),
      { numRuns: 300 },
    );
  });
});
