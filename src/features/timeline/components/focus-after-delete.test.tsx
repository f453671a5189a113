// @vitest-environment jsdom
import { cleanup, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { DEFAULT_COMMAND_UI } from "../commands/registry";
import { useStudioShortcuts } from "../hooks/use-studio-shortcuts";
import type { Timeline } from "../model/timeline";
import type { DraftStore } from "../store/draft-store";
import { renderInDraft } from "../testing/render-in-draft";
import { TimelineView } from "./timeline-view";
import { CITY_RAIN_NIGHT, DESERT_CLIP } from "../testing/timelines";

const timeline: Timeline = { ...CITY_RAIN_NIGHT, clips: [...CITY_RAIN_NIGHT.clips, DESERT_CLIP] };

afterEach(cleanup);

const handlers = { ui: DEFAULT_COMMAND_UI, onImagePaste: () => undefined };

function Editor({ store }: { store: DraftStore }) {
  useStudioShortcuts(store, handlers);
  return <TimelineView />;
}

const setup = () => renderInDraft((store) => <Editor store={store} />, timeline);

const entry = (name: string) => screen.getByRole("button", { name });

describe("focus after Delete", () => {
  it("moves to the next entry in time, which is selected", async () => {
    const { store, user } = setup();
    entry("interaction at 3.00 s").focus();
    store.getState().actions.select(["i1"]);
    await user.keyboard("{Delete}");
    await waitFor(() => expect(entry("interaction at 6.00 s")).toHaveFocus());
    expect(store.getState().selection).toEqual(["i2"]);

    // An end takes its stream with it; the next stream's start takes the focus.
    await user.keyboard("{Delete}");
    await waitFor(() => expect(entry("end at 9.00 s")).toHaveFocus());
    await user.keyboard("{Delete}");
    await waitFor(() => expect(entry("start at 12.00 s")).toHaveFocus());
    expect(store.getState().timeline.clips.map((c) => c.id)).toEqual(["c2"]);
  });

  it("moves to the previous entry when nothing follows", async () => {
    const { user } = setup();
    await user.click(entry("end at 15.00 s"));
    expect(entry("end at 15.00 s")).toHaveFocus();
    await user.keyboard("{Delete}");
    await waitFor(() => expect(entry("end at 9.00 s")).toHaveFocus());
    expect(screen.queryByRole("button", { name: "end at 15.00 s" })).toBeNull();
  });

  it("moves to the timeline itself when no entry is left", async () => {
    const { store, user } = setup();
    entry("start at 0.00 s").focus();
    store.getState().actions.select(["c1", "c2"]);
    await user.keyboard("{Delete}");
    await waitFor(() => expect(screen.getByRole("region", { name: "Timeline" })).toHaveFocus());
    expect(store.getState().timeline.clips).toEqual([]);
  });
});
