// A start's image: drop, pick or paste one. The file is checked by its bytes and cropped to the
// model's frame in the browser; anything else gets an inline message and changes nothing.
// Loaded on demand (lazy-image-drop-zone.tsx): react-dropzone stays off the first load.
import { useEffect, useState } from "react";
import { useDropzone } from "react-dropzone";
import { prepareImage, shortFileName } from "../adapters/images";
import { useDraftActions, useDraftStore } from "../store/use-draft-store";
import { ImageDropZoneFrame } from "./image-drop-zone-frame";

export type PrepareImage = typeof prepareImage;

export function ImageDropZone({
  startId,
  image,
  prepare = prepareImage,
  openOnMount = false,
  pendingFiles,
}: {
  startId: string;
  image: string | undefined;
  prepare?: PrepareImage;
  /** The stand-in was clicked before this loaded: open the picker (the click's activation holds). */
  openOnMount?: boolean;
  /** Chosen or pasted on the stand-in before this loaded: taken as if given here. */
  pendingFiles?: readonly File[];
}) {
  const { setImage } = useDraftActions();
  const portrait = useDraftStore((s) => s.timeline.portrait);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const accept = async (files: readonly File[]) => {
    const file = files[0];
    if (!file) return;
    if (files.length > 1) {
      setError("Drop one image at a time.");
      return;
    }
    setBusy(true);
    try {
      const result = await prepare(file, portrait);
      if (result.ok) {
        setImage(startId, result.dataUrl, file);
        setError(null);
      } else {
        setError(result.message);
      }
    } catch {
      setError(`${shortFileName(file.name)} could not be read as an image.`);
    } finally {
      setBusy(false);
    }
  };

  const { getRootProps, getInputProps, isDragActive, open } = useDropzone({
    // The bytes decide what an image is, not the name or the type the browser guesses.
    onDrop: (accepted, rejected) => void accept([...accepted, ...rejected.map((r) => r.file)]),
    multiple: false,
    maxFiles: 0,
    noDragEventsBubbling: true,
    noClick: Boolean(image),
    noKeyboard: Boolean(image),
  });

  useEffect(() => {
    // Taken as the next task would take a drop, not in the middle of this commit.
    if (pendingFiles && pendingFiles.length > 0) void Promise.resolve(pendingFiles).then(accept);
    else if (openOnMount) open();
    // Once, for what the stand-in was given before this mounted.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const onPaste = (event: React.ClipboardEvent) => {
    const files = [...event.clipboardData.files];
    if (files.length === 0) return;
    event.preventDefault();
    event.stopPropagation();
    void accept(files);
  };

  return (
    <ImageDropZoneFrame
      startId={startId}
      image={image}
      portrait={portrait}
      error={error}
      busy={busy}
      dragActive={isDragActive}
      bindRoot={getRootProps}
      bindInput={getInputProps}
      onPaste={onPaste}
      onReplace={open}
      onRemove={() => {
        setImage(startId, undefined);
        setError(null);
      }}
    />
  );
}
