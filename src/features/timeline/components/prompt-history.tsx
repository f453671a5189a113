// The prompts this draft already uses, offered beside the prompt field, so a stream or an
// interaction can take one again without retyping it.
import { useShallow } from "zustand/react/shallow";
import { useDraftActions, useDraftStore } from "../store/use-draft-store";

const MAX_OFFERED = 20;

export function PromptHistory({ id, prompt }: { id: string; prompt: string }) {
  const { setPrompt, endHistoryGroup } = useDraftActions();
  const prompts = useDraftStore(
    useShallow((s) => {
      const seen = new Set<string>();
      for (const clip of s.timeline.clips) {
        for (const text of [clip.start.prompt, ...clip.interactions.map((i) => i.prompt)]) {
          if (text.trim() !== "" && text !== prompt) seen.add(text);
        }
      }
      return [...seen].slice(0, MAX_OFFERED);
    }),
  );
  if (prompts.length === 0) return null;
  return (
    <select
      aria-label="Reuse a prompt from this draft"
      value=""
      onChange={(event) => {
        if (event.target.value === "") return;
        endHistoryGroup();
        setPrompt(id, event.target.value);
        endHistoryGroup();
      }}
      className="mx-2 max-w-44 min-w-0 flex-1 truncate rounded-md border border-zinc-300 bg-white px-1.5 py-0.5 text-xs text-zinc-600 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-300"
    >
      <option value="">Reuse a prompt…</option>
      {prompts.map((text) => (
        <option key={text} value={text}>
          {text.length > 80 ? `${text.slice(0, 80)}…` : text}
        </option>
      ))}
    </select>
  );
}
