// The shortcuts sheet's rows, generated from the registry.
import { formatBinding } from "./keys";
import { COMMANDS, type Command, GESTURES } from "./registry";

/** The sheet's rows: each command with keys, then the gestures that are not commands. */
export function shortcutRows(): { keys: string[]; what: string }[] {
  const rows = (COMMANDS as readonly Command[])
    .filter((c) => c.keys && c.keys.length > 0)
    .map((c) => ({
      keys: (c.keys ?? []).map((b) => formatBinding(b)),
      what: c.description ?? c.label,
    }));
  return [...rows, ...GESTURES.map(([keys, what]) => ({ keys: [keys], what }))];
}
