// @vitest-environment jsdom
import { cleanup, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { renderInDraft } from "../testing/render-in-draft";
import { CITY_RAIN_NIGHT } from "../testing/timelines";
import { ListView } from "./list-view";

const timeline = CITY_RAIN_NIGHT;

afterEach(cleanup);

const setup = () => renderInDraft(<ListView />, timeline);

const rowDelete = (name: string) => screen.getByRole("button", { name: `Delete the ${name}` });

describe("the list view's Delete", () => {
  it("deletes its row's entry as the Delete command does: one undo step, focus on the next row", async () => {
    const { store, user } = setup();
    // Something else selected: the row's Delete acts on its own entry, not on the selection.
    store.getState().actions.select(["i2"]);
    await user.click(rowDelete("interaction of stream 1 at 3.00 s"));

    expect(store.getState().timeline.clips[0]!.interactions.map((i) => i.id)).toEqual(["i2"]);
    // The neighbour in time takes the selection and the focus, as after the Delete key.
    expect(store.getState().selection).toEqual(["i2"]);
    await waitFor(() => expect(rowDelete("interaction of stream 1 at 6.00 s")).toHaveFocus());

    store.temporal.getState().undo();
    expect(store.getState().timeline).toEqual(timeline);
  });

  it("deletes the whole stream from its start's row", async () => {
    const { store, user } = setup();
    await user.click(rowDelete("start of stream 1 at 0.00 s"));
    expect(store.getState().timeline.clips).toEqual([]);
    await waitFor(() => expect(screen.getByRole("region", { name: "Entries" })).toHaveFocus());
  });
});
