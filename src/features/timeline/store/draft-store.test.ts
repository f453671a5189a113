import { describe, expect, it } from "vitest";
import { timelineToScript } from "../model/convert";
import { createDraftStore, HISTORY_GROUP_MS, liveSelection } from "./draft-store";
import { CITY_IN_RAIN } from "../testing/timelines";

const timeline = CITY_IN_RAIN;

function setup() {
  let clock = 0;
  const store = createDraftStore({ draftId: "d1", name: "Draft", timeline }, { now: () => clock });
  return {
    store,
    actions: store.getState().actions,
    tick: (ms: number) => (clock += ms),
    undo: () => store.temporal.getState().undo(),
    redo: () => store.temporal.getState().redo(),
    times: () => timelineToScript(store.getState().timeline).map((e) => e.timestamp_ms),
    steps: () => store.temporal.getState().pastStates.length,
  };
}

describe("createDraftStore", () => {
  it("gives each draft its own store", () => {
    const a = setup();
    const b = setup();
    a.actions.moveEntry("i1", 4000);
    expect(a.times()).toEqual([0, 4000, 9000]);
    expect(b.times()).toEqual([0, 3000, 9000]);
  });

  it("moves with the constraints and undoes and redoes a move as one step", () => {
    const t = setup();
    // Past the end, an interaction stops at the stream's last frame, 40 ms before it.
    t.actions.moveEntry("i1", 20_000);
    expect(t.times()).toEqual([0, 8960, 9000]);
    expect(t.steps()).toBe(1);
    t.undo();
    expect(t.times()).toEqual([0, 3000, 9000]);
    t.redo();
    expect(t.times()).toEqual([0, 8960, 9000]);
  });

  it("groups a typing burst into one undo step, and a pause starts a new one", () => {
    const t = setup();
    for (const text of ["s", "sn", "sno", "snow"]) {
      t.actions.setPrompt("i1", text);
      t.tick(200);
    }
    expect(t.steps()).toBe(1);
    t.tick(HISTORY_GROUP_MS);
    t.actions.setPrompt("i1", "snowy");
    expect(t.steps()).toBe(2);
    t.undo();
    expect(t.store.getState().timeline.clips[0]?.interactions[0]?.prompt).toBe("snow");
    t.undo();
    expect(t.store.getState().timeline.clips[0]?.interactions[0]?.prompt).toBe("rain");
  });

  it("starts a new step when typing moves to another field or the field is left", () => {
    const t = setup();
    t.actions.setPrompt("i1", "a");
    t.actions.setPrompt("s1", "b");
    expect(t.steps()).toBe(2);
    t.actions.endHistoryGroup();
    t.actions.setPrompt("s1", "bc");
    expect(t.steps()).toBe(3);
  });

  it("groups repeated nudges of the same selection", () => {
    const t = setup();
    t.actions.select(["i1"]);
    t.actions.nudgeSelection(100);
    t.actions.nudgeSelection(100);
    t.actions.nudgeSelection(100);
    expect(t.times()).toEqual([0, 3300, 9000]);
    expect(t.steps()).toBe(1);
    t.undo();
    expect(t.times()).toEqual([0, 3000, 9000]);
  });

  it("does not record selection, playhead or zoom in the history", () => {
    const t = setup();
    t.actions.select(["s1"]);
    t.actions.setPlayhead(5000);
    t.actions.setZoom(200);
    expect(t.steps()).toBe(0);
  });

  it("adds streams, interactions at the playhead and ends, selecting what it added", () => {
    const t = setup();
    t.actions.setPlayhead(10_000);
    const start = t.actions.addStream();
    expect(t.store.getState().selection).toEqual([start]);
    expect(t.times()).toEqual([0, 3000, 9000, 10000, 15000]);
    expect(t.actions.addInteraction()).toBeTypeOf("string");
    t.actions.setPlayhead(9500);
    expect(t.actions.addInteraction()).toBeNull();
    t.actions.setPlayhead(12_000);
    t.actions.addEnd();
    expect(t.times()).toEqual([0, 3000, 9000, 10000, 10000, 12000]);
  });

  it("removes, duplicates, copies and pastes the selection", () => {
    const t = setup();
    t.actions.duplicate(["s1"]);
    expect(t.times()).toEqual([0, 3000, 9000, 9000, 12000, 18000]);
    const copied = t.actions.copy(["i1"]);
    t.actions.setPlayhead(1000);
    t.actions.paste();
    expect(t.times()).toEqual([0, 1000, 3000, 9000, 9000, 12000, 18000]);
    expect(copied.interactions).toHaveLength(1);
    t.actions.remove(["e1"]);
    expect(t.times()).toEqual([9000, 12000, 18000]);
    expect(liveSelection(t.store.getState())).toEqual([]);
  });

  it("keeps originals of images outside the undo history", () => {
    const t = setup();
    const blob = new Blob(["x"]);
    t.actions.setImage("s1", "data:image/png;base64,AAAA", blob);
    expect(t.store.getState().originals.s1).toBe(blob);
    t.undo();
    expect(t.store.getState().timeline.clips[0]?.start.image).toBeUndefined();
    t.actions.setImage("s1", undefined);
    expect(t.store.getState().originals.s1).toBeUndefined();
  });

  it("clamps the zoom", () => {
    const t = setup();
    t.actions.setZoom(1e9);
    expect(t.store.getState().pxPerSecond).toBe(800);
  });
});

describe("a selected stream", () => {
  it("moves whole with the arrows, shows its start, and deletes whole", async () => {
    const { selectedEntry } = await import("./draft-store");
    const t = setup();
    t.actions.select(["c1"]);
    expect(selectedEntry(t.store.getState())?.kind).toBe("start");
    t.actions.nudgeSelection(1000);
    expect(t.times()).toEqual([1000, 4000, 10000]);
    expect(liveSelection(t.store.getState())).toEqual(["c1"]);
    t.actions.remove(liveSelection(t.store.getState()));
    expect(t.times()).toEqual([]);
  });
});
