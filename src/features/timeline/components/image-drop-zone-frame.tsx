// What a start's image zone looks like and how it is named, apart from react-dropzone: the zone
// itself (image-drop-zone.tsx) and its stand-in while that chunk loads both render this, so the
// swap neither moves nor renames anything.
import type { ClipboardEvent, HTMLAttributes, InputHTMLAttributes } from "react";
import { Alert } from "../../../components/alert";
import { Button } from "../../../components/button";

/** Adds the drop handling's own props (react-dropzone's getRootProps, or nothing) to ours. */
export type BindProps<T> = (props: T) => T;

export function ImageDropZoneFrame({
  startId,
  image,
  portrait,
  error,
  busy,
  dragActive,
  bindRoot,
  bindInput,
  onPaste,
  onReplace,
  onRemove,
}: {
  startId: string;
  image: string | undefined;
  portrait: boolean;
  error: string | null;
  busy: boolean;
  dragActive: boolean;
  bindRoot: BindProps<HTMLAttributes<HTMLElement>>;
  bindInput: BindProps<InputHTMLAttributes<HTMLInputElement>>;
  onPaste: (event: ClipboardEvent) => void;
  onReplace: () => void;
  onRemove: () => void;
}) {
  const frame = portrait ? "704 × 1280" : "1280 × 704";
  return (
    <div>
      <span className="text-sm font-medium" id={`image-label-${startId}`}>
        Image
      </span>
      {/* Beside the zone, not in it: a control inside a button is unreachable to a screen
          reader (axe's nested-interactive). The zone opens it by reference. */}
      <input {...bindInput({ "aria-label": "Choose an image for this start" })} />
      <div
        {...bindRoot({
          onPaste,
          // Without an image the zone is a button that opens the picker; with one, a group.
          role: image ? "group" : "button",
          // The button is named by its words (axe's label-content-name-mismatch: a name that
          // differs from what is shown cannot be said to voice control); how to add is the hint's.
          "aria-label": image ? "Start image" : undefined,
          "aria-describedby": `image-hint-${startId}`,
          "aria-busy": busy,
        })}
        // The studio's drop overlay covers this zone while files are dragged; this says whose.
        data-start-image={startId}
        className={[
          "mt-1.5 flex items-center gap-3 rounded-lg border-2 border-dashed p-3 text-sm transition-colors",
          dragActive
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
                // Small enough that the zone fits the inspector's narrower column at 1024 px.
                // A portrait frame no taller than the two buttons beside it, so the zone keeps the
                // landscape zone's height and pushes nothing below it out of sight.
                portrait ? "h-[58px] w-8" : "h-12 w-[87px]",
              ].join(" ")}
            />
            <div className="flex flex-col items-start gap-1.5">
              <Button size="sm" onClick={onReplace}>
                Replace image
              </Button>
              <Button size="sm" variant="danger" onClick={onRemove}>
                Remove image
              </Button>
            </div>
          </>
        ) : (
          <div className="flex-1 text-center font-medium text-zinc-700 dark:text-zinc-300">
            {busy ? "Preparing the image…" : "Add an image"}
          </div>
        )}
      </div>
      {error ? (
        <Alert layout="compact" className="mt-1.5">
          {error}
        </Alert>
      ) : (
        <p id={`image-hint-${startId}`} className="mt-1 text-xs text-zinc-500">
          {image
            ? `JPEG, PNG or WebP up to 25 MB, cropped to ${frame}.`
            : dragActive
              ? "Drop the image here."
              : `Drop, paste or click: JPEG, PNG or WebP up to 25 MB, cropped to ${frame}.`}
        </p>
      )}
    </div>
  );
}
