import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseStreamEvents } from "./events";

// The shape server/render/render-stream.ts writes, for a stream that starts at 4 s of its script.
const engineFile = {
  stream_id: "9b0c7d1e-0000-4000-8000-000000000000",
  stream_number: 2,
  renderer: "local preview: an animatic of the script's timing, not a world-model video",
  fps: 25,
  frame_count: 225,
  duration_seconds: 9,
  width: 1280,
  height: 704,
  events: [
    { type: "start", timestamp_ms: 4000, offset_ms: 0, frame: 0, prompt: "a city", image: null },
    { type: "interact", timestamp_ms: 6500, offset_ms: 2500, frame: 63, prompt: "rain falls" },
    { type: "interact", timestamp_ms: 8000, offset_ms: 4000, frame: 100, prompt: " snow " },
    { type: "end", timestamp_ms: 13000, offset_ms: 9000, frame: 225 },
  ],
};

describe("parseStreamEvents", () => {
  it("reads the local engine's events file", () => {
    expect(parseStreamEvents(engineFile)).toEqual({
      fps: 25,
      durationMs: 9000,
      frameCount: 225,
      markers: [
        { kind: "start", atMs: 0, showMs: 0, prompt: "a city" },
        // 2.5 s falls between frames; its prompt first shows on frame 63, at 2.52 s.
        { kind: "interact", atMs: 2500, showMs: 2520, prompt: "rain falls" },
        { kind: "interact", atMs: 4000, showMs: 4000, prompt: "snow" },
      ],
    });
  });

  it("reads script-shaped entries, timing them from the start", () => {
    const events = parseStreamEvents([
      { timestamp_ms: 9000, interact: { prompt: "later" } },
      { timestamp_ms: 4000, start: { prompt: "a city" } },
      { timestamp_ms: 5500, interact: { prompt: "rain" } },
      { timestamp_ms: 10000, end: {} },
    ]);
    expect(events?.markers).toEqual([
      { kind: "start", atMs: 0, showMs: 0, prompt: "a city" },
      { kind: "interact", atMs: 1500, showMs: 1500, prompt: "rain" },
      { kind: "interact", atMs: 5000, showMs: 5000, prompt: "later" },
    ]);
    expect(events?.fps).toBeNull();
  });

  it("times events by frame when they carry no offset", () => {
    const events = parseStreamEvents({
      fps: 25,
      events: [{ type: "interaction", frame: 50, prompt: "turn left" }],
    });
    expect(events?.markers).toEqual([
      { kind: "interact", atMs: 2000, showMs: 2000, prompt: "turn left" },
    ]);
  });

  it("keeps the markers it can read when some fields are malformed", () => {
    const events = parseStreamEvents({
      fps: "fast",
      events: [
        { type: "interact", offset_ms: "soon", prompt: "no time" },
        { type: "interact", offset_ms: 1200, prompt: 42 },
        { type: "interact", offset_ms: 800, prompt: "fine" },
        "garbage",
      ],
    });
    expect(events).toEqual({
      fps: null,
      durationMs: null,
      frameCount: null,
      markers: [
        { kind: "interact", atMs: 800, showMs: 800, prompt: "fine" },
        { kind: "interact", atMs: 1200, showMs: 1200, prompt: "" },
      ],
    });
  });

  it("says an empty stream has no markers", () => {
    expect(parseStreamEvents({ events: [] })?.markers).toEqual([]);
  });

  it("drops times a nonsense frame rate would put at infinity", () => {
    const events = parseStreamEvents({
      fps: 5e-324,
      events: [
        { type: "interact", frame: 3, prompt: "lost" },
        { type: "interact", offset_ms: 500, prompt: "kept" },
      ],
    });
    expect(events?.markers).toEqual([{ kind: "interact", atMs: 500, showMs: 500, prompt: "kept" }]);
  });

  it("refuses files it cannot read rather than draw wrong markers", () => {
    expect(parseStreamEvents(null)).toBeNull();
    expect(parseStreamEvents("<html>Access denied</html>")).toBeNull();
    expect(parseStreamEvents({ frames: [] })).toBeNull();
    expect(parseStreamEvents({ events: [{ kind: "cut", t: 3 }] })).toBeNull();
  });

  it("never throws and never yields a marker outside the video's timeline", () => {
    const anything = fc.oneof(fc.jsonValue(), fc.double(), fc.integer({ min: -5000, max: 5000 }));
    const event = fc.record(
      {
        type: fc.oneof(fc.constantFrom("start", "interact", "end", "cut"), anything),
        timestamp_ms: anything,
        offset_ms: anything,
        frame: anything,
        prompt: anything,
        interact: fc.oneof(fc.record({ prompt: anything }), anything),
      },
      { requiredKeys: [] },
    );
    const file = fc.oneof(
      fc.record({ fps: anything, events: fc.array(event) }, { requiredKeys: ["events"] }),
      fc.array(event),
      fc.jsonValue(),
    );
    fc.assert(
      fc.property(file, (value) => {
        const events = parseStreamEvents(value);
        for (const marker of events?.markers ?? []) {
          expect(Number.isFinite(marker.atMs) && marker.atMs >= 0).toBe(true);
          expect(marker.showMs).toBeGreaterThanOrEqual(marker.atMs);
          expect(typeof marker.prompt).toBe("string");
        }
      }),
    );
  });
});
