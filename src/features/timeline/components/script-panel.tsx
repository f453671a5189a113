// The script the timeline converts to, live, with export, copy, share and import.
import { useDeferredValue, useMemo, useState } from "react";
import { Button } from "../../../components/button";
import type { ScriptEntry } from "../../../contract/script";
import { formatMegabytes } from "../../../contract/format";
import { useOnScreen } from "../hooks/use-on-screen";
import { useTimelineCheck } from "../hooks/use-timeline-check";
import { useDraftStore, useDraftStoreApi } from "../store/use-draft-store";
import {
  encodeShareFragment,
  encodeShareFragmentNow,
  loadLzString,
  scriptFileName,
  scriptToJson,
  type ShareFragment,
} from "../adapters/script-io";
import { toast } from "../../../lib/notify";

/** The JSON for reading: image data URLs shortened, so a 2 MB image does not flood the panel. */
function displayJson(script: ScriptEntry[]): string {
  const shown = script.slice(0, 300).map((entry) => {
    const image = entry.start?.image;
    if (!image) return entry;
    const comma = image.indexOf(",");
    const bytes = ((image.length - comma - 1) * 3) / 4;
    return {
      ...entry,
      start: {
        ...entry.start,
        image: `${image.slice(0, Math.min(comma + 12, 40))}… (${bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : formatMegabytes(bytes)})`,
      },
    };
  });
  const text = JSON.stringify(shown, null, 2);
  return script.length > 300
    ? `${text.slice(0, -2)}\n  … ${script.length - 300} more entries\n]`
    : text;
}

/**
 * Copies text that may still be on its way (a share link waits for lz-string). A pending text
 * goes in as a ClipboardItem holding a promise, so the click's user activation still counts
 * when it arrives (Safari and Firefox need that; Chromium too when the page lacks focus).
 */
async function copyText(pending: string | Promise<string>): Promise<void> {
  if (typeof pending !== "string" && typeof ClipboardItem === "function") {
    try {
      const blob = pending.then((text) => new Blob([text], { type: "text/plain" }));
      await navigator.clipboard.write([new ClipboardItem({ "text/plain": blob })]);
      return;
    } catch {
      // Older engines take no promise in a ClipboardItem: copy the text once it is here.
    }
  }
  const text = await pending;
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    // Without clipboard permission (some browsers, http), fall back to a selection copy.
    const area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.append(area);
    area.select();
    const ok = document.execCommand("copy");
    area.remove();
    if (!ok) throw new Error("The browser did not allow copying.");
  }
}

export function ScriptPanel({ onImportFile }: { onImportFile: (file: File) => void }) {
  const { script } = useTimelineCheck();
  const store = useDraftStoreApi();
  const name = useDraftStore((s) => s.name);
  const deferred = useDeferredValue(script);
  const text = useMemo(() => displayJson(deferred), [deferred]);
  const [area, setArea] = useState<HTMLTextAreaElement | null>(null);
  const onScreen = useOnScreen(area);
  const [focused, setFocused] = useState(false);

  const exportJson = () => {
    const blob = new Blob([scriptToJson(script)], { type: "application/json" });
    const url = URL.createObjectURL(blob);
    const link = document.createElement("a");
    link.href = url;
    link.download = scriptFileName(name);
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  const copyJson = () => {
    copyText(scriptToJson(script)).then(
      () => toast.success("Script JSON copied"),
      (error: Error) => toast.error(`Could not copy: ${error.message}`),
    );
  };

  const copyShareLink = () => {
    const { timeline, name: currentName } = store.getState();
    const options = { portrait: timeline.portrait, name: currentName };
    const toUrl = ({ fragment }: ShareFragment) =>
      `${location.origin}${location.pathname}#${fragment}`;
    // Usually here already (fetched on hover or focus of the button); else on its way.
    const link = encodeShareFragmentNow(script, options) ?? encodeShareFragment(script, options);
    const url = link instanceof Promise ? link.then(toUrl) : toUrl(link);
    Promise.all([copyText(url), link]).then(
      ([, { imagesOmitted }]) =>
        toast.success("Share link copied", {
          description: imagesOmitted
            ? `Images are left out of links: ${imagesOmitted} start image${imagesOmitted === 1 ? " is" : "s are"} not in it.`
            : "Opening it creates a new draft from this script.",
        }),
      (error: Error) => toast.error(`Could not copy: ${error.message}`),
    );
  };

  return (
    <section
      aria-label="Script JSON"
      className="flex min-w-0 flex-col rounded-xl border border-zinc-200 bg-white p-4 shadow-sm dark:border-zinc-800 dark:bg-zinc-900"
    >
      <div className="mb-3 flex flex-wrap items-center gap-2">
        <h2 className="mr-auto text-sm font-semibold">Script JSON</h2>
        <PanelButton onClick={exportJson}>Export JSON</PanelButton>
        <PanelButton onClick={copyJson}>Copy JSON</PanelButton>
        <PanelButton onClick={copyShareLink} onPrepare={() => void loadLzString().catch(() => {})}>
          Copy share link
        </PanelButton>
        <label className="cursor-pointer rounded-lg border border-zinc-300 bg-white px-3 py-1.5 text-sm font-medium shadow-xs has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-accent-500 hover:bg-zinc-50 dark:border-zinc-700 dark:bg-zinc-900 dark:hover:bg-zinc-800">
          Import script
          <input
            type="file"
            accept="application/json,.json"
            className="sr-only"
            onChange={(event) => {
              const file = event.target.files?.[0];
              event.target.value = "";
              if (file) onImportFile(file);
            }}
          />
        </label>
      </div>
      <textarea
        ref={setArea}
        readOnly
        aria-label="The script as JSON"
        value={text}
        spellCheck={false}
        onFocus={() => setFocused(true)}
        onBlur={() => setFocused(false)}
        // Its value stays current, but while it is off screen the browser skips laying out its
        // text: with 300 entries that is about 1,650 lines, 10-25 ms after every edit, which a
        // drag at Fit with 1,000 entries paid at each drop. A textarea's height never depends on
        // its text, so nothing moves when it shows again.
        style={onScreen || focused ? undefined : { contentVisibility: "hidden" }}
        className="max-h-72 min-h-32 flex-1 overflow-auto rounded-lg bg-zinc-50 p-3 font-mono text-xs leading-relaxed text-zinc-700 dark:bg-zinc-950 dark:text-zinc-300 resize-y"
      />
    </section>
  );
}

function PanelButton({
  children,
  onClick,
  onPrepare,
}: {
  children: React.ReactNode;
  onClick: () => void;
  /** Fetches what the click needs as soon as it is likely to come. */
  onPrepare?: () => void;
}) {
  return (
    <Button onClick={onClick} onPointerEnter={onPrepare} onFocus={onPrepare}>
      {children}
    </Button>
  );
}
