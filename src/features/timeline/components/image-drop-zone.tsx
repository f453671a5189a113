// A start's image: drop, pick or paste one. The file is checked by its bytes and cropped to the
// model's frame in the browser; anything else gets an inline message and changes nothing.
import { useState } from "react";
import { Alert } from "../../../components/alert";
import { Button } from "../../../components/button";
import { useDropzone } from "react-dropzone";
import { prepareImage } from "../adapters/images";
import { useDraftActions, useDraftStore } from "../store/use-draft-store";

export type PrepareImage = typeof prepareImage;

export function ImageDropZone({
  startId,
  image,
  prepare = prepareImage,
}: {
  startId: string;
  image: string | undefined;
  prepare?: PrepareImage;
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
      setError(`${file.name} could not be read as an image.`);
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

  const frame = portrait ? "704 × 1280" : "1280 × 704";
  const onPaste = (event: React.ClipboardEvent) => {
    const files = [...event.clipboardData.files];
    if (files.length === 0) return;
    event.preventDefault();
    event.stopPropagation();
    void accept(files);
  };

  return (
    <div>
      <span className="text-sm font-medium" id={`image-label-${startId}`}>
        Image
      </span>
      {/* Beside the zone, not in it: a control inside a button is unreachable to a screen
          reader (axe's nested-interactive). The zone opens it by reference. */}
      <input {...getInputProps({ "aria-label": "Choose an image for this start" })} />
      <div
        {...getRootProps({
          onPaste,
          // Without an image the zone is a button that opens the picker; with one, a group.
          role: image ? "group" : "button",
          "aria-label": image ? "Start image" : "Add an image",
          "aria-describedby": `image-hint-${startId}`,
          "aria-busy": busy,
        })}
        className={[
          "mt-1.5 flex items-center gap-3 rounded-lg border-2 border-dashed p-3 text-sm transition-colors",
          isDragActive
            ? "border-accent-500 bg-accent-50 dark:bg-accent-500/10"
            : error
              ? "border-red-400 dark:border-red-500/60"
              : "border-zinc-300 hover:border-accent-400 dark:border-zinc-700",
          image ? "" : "cursor-pointer",
        ].join(" ")}
      >
        {image ? (
          <>
            <img
              src={image}
              alt="Start frame"
              className={[
                "shrink-0 rounded-md bg-zinc-100 object-cover shadow-sm dark:bg-zinc-800",
                portrait ? "h-28 w-[61px]" : "h-16 w-[116px]",
              ].join(" ")}
            />
            <div className="flex flex-col items-start gap-1.5">
              <Button size="sm" onClick={open}>
                Replace image
              </Button>
              <Button
                size="sm"
                variant="danger"
                onClick={() => {
                  setImage(startId, undefined);
                  setError(null);
                }}
              >
                Remove image
              </Button>
            </div>
          </>
        ) : (
          <div className="flex-1 text-center text-zinc-600 dark:text-zinc-400">
            {busy
              ? "Preparing the image…"
              : isDragActive
                ? "Drop the image here"
                : "Drop, paste or click to add an image"}
          </div>
        )}
      </div>
      {error ? (
        <Alert className="mt-1.5">{error}</Alert>
      ) : (
        <p id={`image-hint-${startId}`} className="mt-1 text-xs text-zinc-500">
          JPEG, PNG or WebP up to 25 MB, cropped to {frame}.
        </p>
      )}
    </div>
  );
}
