// The list of keyboard shortcuts, opened with "?": generated from the command registry, so a
// command's keys are listed wherever they are bound.
import { Dialog } from "../../../components/dialog";
import { Kbd } from "../../../components/kbd";
import { shortcutRows } from "../commands/sheet-rows";

export function ShortcutsSheet({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Dialog open={open} onClose={onClose} title="Keyboard shortcuts">
      {/* Focusable, so the keyboard can scroll a list taller than the window (WCAG 2.1.1). */}
      <dl
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
        tabIndex={0}
        className="grid max-h-[70dvh] grid-cols-[auto_1fr] gap-x-6 gap-y-2 overflow-y-auto px-5 py-4 text-sm"
      >
        {shortcutRows().map(({ keys, what }) => (
          <div key={`${keys.join()}:${what}`} className="contents">
            <dt className="flex flex-wrap items-start gap-1">
              {keys.map((k, i) => (
                <span key={k} className="flex items-center gap-1">
                  {i > 0 ? <span className="text-xs text-zinc-500">or</span> : null}
                  <Kbd>{k}</Kbd>
                </span>
              ))}
            </dt>
            <dd className="text-zinc-600 dark:text-zinc-400">{what}</dd>
          </div>
        ))}
      </dl>
    </Dialog>
  );
}
