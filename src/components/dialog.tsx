// A modal dialog on the native <dialog> (the browser traps focus and greys out the page), with
// the focus handling people expect: it moves in on open, Escape closes, and it returns to the
// control that opened the dialog on close.
import { type ReactNode, useEffect, useId, useLayoutEffect, useRef } from "react";

const FOCUSABLE =
  "[autofocus], [data-autofocus], button:not(:disabled), a[href], input:not(:disabled), select:not(:disabled), textarea:not(:disabled), [tabindex]:not([tabindex='-1'])";

export function Dialog({
  open,
  onClose,
  title,
  description,
  children,
  footer,
  closeLabel = "Close",
  className = "w-[min(40rem,calc(100vw-2rem))]",
}: {
  open: boolean;
  onClose: () => void;
  title: ReactNode;
  description?: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
  /** The header's close button; null for none (the footer then offers a way out). */
  closeLabel?: string | null;
  className?: string;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const onCloseRef = useRef(onClose);
  const titleId = useId();
  const descriptionId = useId();

  useLayoutEffect(() => {
    onCloseRef.current = onClose;
  });

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      opener.current =
        document.activeElement instanceof HTMLElement ? document.activeElement : null;
      // jsdom has no showModal; the attribute alone still shows the dialog there.
      if (typeof dialog.showModal === "function") dialog.showModal();
      else dialog.setAttribute("open", "");
      const first =
        dialog.querySelector<HTMLElement>("[autofocus], [data-autofocus]") ??
        dialog.querySelector<HTMLElement>(`[data-dialog-body] :is(${FOCUSABLE})`) ??
        dialog.querySelector<HTMLElement>(FOCUSABLE);
      (first ?? dialog).focus();
    } else if (!open && dialog.open) {
      if (typeof dialog.close === "function") dialog.close();
      else dialog.removeAttribute("open");
      const back = opener.current;
      opener.current = null;
      // The opener may have gone (a deleted entry); then focus stays where the page puts it.
      if (back?.isConnected) back.focus();
    }
  }, [open]);

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      tabIndex={-1}
      onKeyDown={(event) => {
        // One path for Escape everywhere: the parent's state closes the dialog.
        if (event.key === "Escape") {
          event.preventDefault();
          event.stopPropagation();
          onCloseRef.current();
        }
      }}
      onClose={() => {
        if (open) onCloseRef.current();
      }}
      className={`m-auto max-h-[calc(100dvh-2rem)] rounded-2xl border border-zinc-200 bg-white p-0 text-zinc-900 shadow-2xl backdrop:bg-black/40 backdrop:backdrop-blur-sm dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 ${className}`}
    >
      <div className="flex items-start justify-between gap-4 border-b border-zinc-200 px-5 py-3 dark:border-zinc-800">
        <div>
          <h2 id={titleId} className="font-semibold">
            {title}
          </h2>
          {description ? (
            <p id={descriptionId} className="text-sm text-zinc-600 dark:text-zinc-400">
              {description}
            </p>
          ) : null}
        </div>
        {closeLabel ? (
          <button
            type="button"
            onClick={() => onCloseRef.current()}
            className="shrink-0 rounded-md px-2 py-1 text-sm text-zinc-600 hover:bg-zinc-100 dark:text-zinc-400 dark:hover:bg-zinc-800"
          >
            {closeLabel}
          </button>
        ) : null}
      </div>
      <div data-dialog-body>{children}</div>
      {footer ? (
        <div className="flex justify-end gap-2 border-t border-zinc-200 px-5 py-3 dark:border-zinc-800">
          {footer}
        </div>
      ) : null}
    </dialog>
  );
}
