// Three steps for a first visit, until the creator dismisses them; remembered in this browser.
import { useState } from "react";
import { Button } from "../../../components/button";
import { firstRun } from "../model/first-run";

export function FirstRunHint() {
  const [shown, setShown] = useState(firstRun.hintShown);
  if (!shown) return null;
  return (
    // One short line per step, side by side where there is room: the hint must not push the
    // timeline below the fold on a first visit at 1024x768.
    <section
      aria-label="Getting started"
      className="mb-3 flex items-center justify-between gap-4 rounded-lg border border-accent-200 bg-accent-50 px-4 py-2 text-sm dark:border-accent-500/30 dark:bg-accent-500/10"
    >
      <ol className="grid flex-1 list-decimal gap-x-8 gap-y-1 pl-5 lg:grid-cols-3">
        <li>
          <strong>Lay out streams</strong>: a prompt, an image if you like, and an end.
        </li>
        <li>
          <strong>Add interactions</strong>: double-click inside a stream to change the scene.
        </li>
        <li>
          <strong>Submit</strong>, then watch and download the videos under Jobs.
        </li>
      </ol>
      <Button
        onClick={() => {
          firstRun.dismissHint();
          setShown(false);
        }}
      >
        Got it
      </Button>
    </section>
  );
}
