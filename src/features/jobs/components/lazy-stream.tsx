// A stream's player, mounted only once its place comes near the screen. A job of 250 streams
// then asks for the videos, posters and markers of the few a person can see, not of all 250,
// and its first player shows at once. Until then a placeholder of the player's size holds the
// place, so the page's length and scroll position do not jump as players mount.
import { type ReactNode, useState } from "react";
import { useInView } from "../hooks/use-in-view";

/** The first streams are mounted at once: they are on screen when the page opens. */
const EAGER_STREAMS = 2;
/** How far beyond the screen a player mounts, so it is ready before it scrolls into view. */
const LOOKAHEAD = "100% 0px";

export function LazyStream({
  title,
  index,
  children,
}: {
  title: string;
  /** Its place in the job's list, from 0. */
  index: number;
  /** The player; called only once it is to be mounted. */
  children: () => ReactNode;
}) {
  const eager = index < EAGER_STREAMS;
  const [element, setElement] = useState<HTMLElement | null>(null);
  const near = useInView(eager ? null : element, LOOKAHEAD);
  if (eager || near) {
    return (
      // The frame stays under the player, unseen: a player is a few lines tall until its
      // video's size is known, and shrinking would bring more places into view, to mount more.
      <div className="grid">
        <div aria-hidden className="invisible [grid-area:1/1]">
          <Frame />
        </div>
        <div className="min-w-0 [grid-area:1/1]">{children()}</div>
      </div>
    );
  }
  return (
    <section ref={setElement} aria-label={title}>
      <Frame title={title} />
    </section>
  );
}

/** The player's own layout, empty: header, 16:9 frame, scrubber. */
function Frame({ title }: { title?: string }) {
  return (
    <div className="overflow-hidden rounded-xl border border-zinc-200 bg-white shadow-xs dark:border-zinc-800 dark:bg-zinc-900">
      <div className="border-b border-zinc-200 px-4 py-3 dark:border-zinc-800">
        {title ? (
          <h2 className="truncate text-sm font-semibold">{title}</h2>
        ) : (
          <p className="text-sm">&nbsp;</p>
        )}
        <p className="text-xs">&nbsp;</p>
      </div>
      <div className="aspect-video max-h-[70vh] bg-zinc-100 dark:bg-zinc-950" />
      <div className="h-[4.5rem]" />
    </div>
  );
}
