// Every keyboard shortcut of the editor, for the "?" sheet and the README.
import { MOD } from "./platform";

export const SHORTCUTS: [string, string][] = [
  ["Space", "Play or pause the preview"],
  [
    "← / →",
    "Nudge the selection by the grid (Shift: 1 s); with nothing selected, move the playhead",
  ],
  [
    "Enter",
    "On a focused entry: pick it up, move with ← / →, drop with Enter or Space, Esc cancels",
  ],
  ["Tab", "Move between entries and controls"],
  ["Shift or Ctrl + click", "Add to or take from the selection"],
  ["Delete / Backspace", "Delete the selection (a start or an end deletes its stream)"],
  [`${MOD}Z`, "Undo"],
  [`${MOD}Shift+Z or ${MOD}Y`, "Redo"],
  [`${MOD}D`, "Duplicate the selection"],
  [
    `${MOD}C / ${MOD}V`,
    "Copy the selection / paste it at the playhead (an image pastes into the selected start)",
  ],
  [`${MOD}A`, "Select every entry"],
  ["Home / End", "Playhead to the start / end"],
  ["Esc", "Clear the selection"],
  [`${MOD}wheel or pinch`, "Zoom the timeline"],
  ["Alt while dragging", "Ripple: shift every later entry too"],
  ["?", "This list"],
];
