// The inspector's image zone, fetched with react-dropzone when first needed (or when the studio
// is idle, see studio-chunks.ts); once fetched it renders at once. Until then a stand-in that looks and is named the same holds
// its place: a click or key on it opens the picker as soon as the zone arrives, and a file chosen
// or pasted there is handed to the zone, which checks it as any other.
import { type DragEvent, useEffect, useState } from "react";
import { useDraftActions, useDraftStore } from "../store/use-draft-store";
import { ImageDropZoneFrame } from "./image-drop-zone-frame";
import { loadedImageDropZone, loadImageDropZone } from "./studio-chunks";

export function LazyImageDropZone({
  startId,
  image,
}: {
  startId: string;
  image: string | undefined;
}) {
  const [openOnMount, setOpenOnMount] = useState(false);
  const [pendingFiles, setPendingFiles] = useState<readonly File[]>([]);
  // Not React.lazy: that suspends on each first render even once fetched, and a file given to
  // the stand-in's input in that moment would go to an input about to be replaced.
  const [Zone, setZone] = useState(loadedImageDropZone);
  useEffect(() => {
    if (Zone) return;
    let live = true;
    loadImageDropZone().then(
      (loaded) => {
        if (live) setZone(() => loaded);
      },
      // Fetched again by the next zone that shows; this one keeps its stand-in.
      () => {},
    );
    return () => {
      live = false;
    };
  }, [Zone]);

  if (!Zone) {
    return (
      <ImageDropZoneStandIn
        startId={startId}
        image={image}
        onOpen={() => setOpenOnMount(true)}
        onFiles={setPendingFiles}
      />
    );
  }
  return (
    <Zone startId={startId} image={image} openOnMount={openOnMount} pendingFiles={pendingFiles} />
  );
}

/** Keeps a drag of files to this element (not the studio's overlay); says whether it was one. */
function holdFiles(event: DragEvent): boolean {
  if (!event.dataTransfer.types.includes("Files")) return false;
  event.preventDefault();
  event.stopPropagation();
  return true;
}

function ImageDropZoneStandIn({
  startId,
  image,
  onOpen,
  onFiles,
}: {
  startId: string;
  image: string | undefined;
  onOpen: () => void;
  onFiles: (files: readonly File[]) => void;
}) {
  const portrait = useDraftStore((s) => s.timeline.portrait);
  const { setImage } = useDraftActions();
  return (
    <ImageDropZoneFrame
      startId={startId}
      image={image}
      portrait={portrait}
      error={null}
      busy={false}
      dragActive={false}
      // As react-dropzone's root and hidden input are, so focus and names match.
      bindRoot={(props) => ({
        ...props,
        // Its own drops, as the zone takes them (react-dropzone's noDragEventsBubbling).
        onDragEnter: holdFiles,
        onDragOver: holdFiles,
        onDrop: (event) => {
          if (!holdFiles(event)) return;
          onFiles([...event.dataTransfer.files]);
        },
        ...(image
          ? {}
          : {
              tabIndex: 0,
              onClick: onOpen,
              onKeyDown: (event) => {
                if (event.key === "Enter" || event.key === " ") {
                  event.preventDefault();
                  onOpen();
                }
              },
            }),
      })}
      bindInput={(props) => ({
        ...props,
        type: "file",
        tabIndex: -1,
        onChange: (event) => onFiles([...(event.currentTarget.files ?? [])]),
        style: {
          border: 0,
          clip: "rect(0, 0, 0, 0)",
          clipPath: "inset(50%)",
          height: "1px",
          margin: "0 -1px -1px 0",
          overflow: "hidden",
          padding: 0,
          position: "absolute",
          width: "1px",
          whiteSpace: "nowrap",
        },
      })}
      onPaste={(event) => {
        const files = [...event.clipboardData.files];
        if (files.length === 0) return;
        event.preventDefault();
        event.stopPropagation();
        onFiles(files);
      }}
      onReplace={onOpen}
      onRemove={() => setImage(startId, undefined)}
    />
  );
}
