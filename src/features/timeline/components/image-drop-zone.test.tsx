// @vitest-environment jsdom
import { fireEvent, cleanup, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ONE_STREAM as timeline } from "../testing/timelines";
import { createDraftStore } from "../store/draft-store";
import { DraftStoreContext, useDraftStore } from "../store/use-draft-store";
import { ImageDropZone, type PrepareImage } from "./image-drop-zone";

function Zone({ prepare }: { prepare?: PrepareImage }) {
  const image = useDraftStore((s) => s.timeline.clips[0]?.start.image);
  return <ImageDropZone startId="s1" image={image} {...(prepare && { prepare })} />;
}

function setup(prepare?: PrepareImage) {
  const store = createDraftStore({ draftId: "d", name: "Draft", timeline });
  render(
    <DraftStoreContext value={store}>
      <Zone prepare={prepare} />
    </DraftStoreContext>,
  );
  return store;
}

function drop(target: HTMLElement, file: File) {
  fireEvent.drop(target, {
    dataTransfer: {
      files: [file],
      items: [{ kind: "file", type: file.type, getAsFile: () => file }],
      types: ["Files"],
    },
  });
}

const fakePng = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);

// Vitest runs without globals, so Testing Library cannot clean up by itself.
afterEach(cleanup);

describe("ImageDropZone", () => {
  it("refuses a dropped file that is not an image, whatever its name, and changes nothing", async () => {
    const store = setup();
    const before = store.getState().timeline;
    drop(
      screen.getByRole("button", { name: "Add an image" }),
      new File(["meeting notes"], "holiday.png", { type: "image/png" }),
    );
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "holiday.png is not a JPEG, PNG or WebP image",
    );
    expect(store.getState().timeline).toBe(before);
  });

  it("crops a picked image through prepareImage, shows it, and removes it", async () => {
    const prepare = vi.fn<PrepareImage>(async () => ({
      ok: true as const,
      dataUrl: "data:image/png;base64,iVBORw0KGgo=",
      width: 1280,
      height: 704,
    }));
    const store = setup(prepare);
    const user = userEvent.setup();
    const file = new File([fakePng], "frame.png", { type: "image/png" });
    await user.upload(screen.getByLabelText("Choose an image for this start"), file);
    await waitFor(() =>
      expect(store.getState().timeline.clips[0]?.start.image).toBe(
        "data:image/png;base64,iVBORw0KGgo=",
      ),
    );
    expect(prepare).toHaveBeenCalledWith(file, false);
    expect(store.getState().originals.s1).toBe(file);
    expect(screen.getByRole("img", { name: "Start frame" })).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Remove image" }));
    expect(store.getState().timeline.clips[0]?.start.image).toBeUndefined();
    expect(screen.getByRole("button", { name: "Add an image" })).toBeInTheDocument();
  });

  it("takes a pasted image", async () => {
    const prepare = vi.fn<PrepareImage>(async () => ({
      ok: true as const,
      dataUrl: "data:image/png;base64,AAAA",
      width: 1,
      height: 1,
    }));
    const store = setup(prepare);
    const file = new File([fakePng], "pasted.png", { type: "image/png" });
    fireEvent.paste(screen.getByRole("button", { name: "Add an image" }), {
      clipboardData: { files: [file] },
    });
    await waitFor(() =>
      expect(store.getState().timeline.clips[0]?.start.image).toBe("data:image/png;base64,AAAA"),
    );
  });

  it("shows prepareImage's message when it refuses a file", async () => {
    const prepare = vi.fn<PrepareImage>(async () => ({
      ok: false as const,
      message: "huge.png is over 25 MB.",
    }));
    setup(prepare);
    drop(
      screen.getByRole("button", { name: "Add an image" }),
      new File([fakePng], "huge.png", { type: "image/png" }),
    );
    expect(await screen.findByRole("alert")).toHaveTextContent("huge.png is over 25 MB.");
  });
});
