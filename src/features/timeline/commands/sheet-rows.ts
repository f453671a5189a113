// The shortcuts sheet's rows, generated from the registry (README's keyboard table is checked
// against the same rows by readme-shortcuts.test.ts).
import { MOD } from "../components/platform";
import { formatBinding } from "./keys";
import { COMMANDS, type Command, GESTURES } from "./registry";

/**
 * The sheet's rows: each command with keys, then the gestures that are not commands. `mod` is
 * how the command key is written ("Ctrl+" or "⌘" here, "Ctrl/⌘+" in the README).
 */
export function shortcutRows(mod = MOD): { keys: string[]; what: string }[] {
  const rows = (COMMANDS as readonly Command[])
    .filter((c) => c.keys && c.keys.length > 0)
    .map((c) => ({
      keys: (c.keys ?? []).map((b) => formatBinding(b, mod)),
      what: c.description ?? c.label,
    }));
  return [...rows, ...GESTURES.map(([keys, what]) => ({ keys: [keys], what }))];
}
