// Keyboard bindings of the editor's commands: how a key press matches one and how it is written.
import { MOD } from "../components/platform";

export interface KeyBinding {
  /** KeyboardEvent.key, lower-case for single characters ("s", "?", " ", "ArrowLeft"). */
  key: string;
  /** Ctrl, or ⌘ on Apple systems. */
  mod?: boolean;
  /** "any": the binding holds with or without Shift (Shift changes what it does, or types "?"). */
  shift?: boolean | "any";
  /** Handled by the browser's copy and paste events, not by keydown: listed, never matched. */
  native?: boolean;
  /** Left to buttons, links and sliders when one has focus (Space presses a button). */
  notOnControls?: boolean;
}

type KeyEventLike = Pick<KeyboardEvent, "key" | "ctrlKey" | "metaKey" | "shiftKey" | "altKey">;

export function normaliseKey(key: string): string {
  return key.length === 1 ? key.toLowerCase() : key;
}

export function matchesBinding(binding: KeyBinding, event: KeyEventLike): boolean {
  if (binding.native || event.altKey) return false;
  if (normaliseKey(event.key) !== binding.key) return false;
  if (Boolean(binding.mod) !== (event.ctrlKey || event.metaKey)) return false;
  if (binding.shift === "any") return true;
  return Boolean(binding.shift) === event.shiftKey;
}

const KEY_NAMES: Record<string, string> = {
  " ": "Space",
  ArrowLeft: "←",
  ArrowRight: "→",
  Escape: "Esc",
};

export function formatBinding(binding: KeyBinding, mod = MOD): string {
  const key =
    KEY_NAMES[binding.key] ?? (binding.key.length === 1 ? binding.key.toUpperCase() : binding.key);
  return `${binding.mod ? mod : ""}${binding.shift === true ? "Shift+" : ""}${key}`;
}
