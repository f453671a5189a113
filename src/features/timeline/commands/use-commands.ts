// React access to the command registry: whether a command can run now, and running it with the
// studio's UI around it.
import { createContext, use, useCallback } from "react";
import { useDraftHistory, useDraftStore, useDraftStoreApi } from "../store/use-draft-store";
import {
  type CommandId,
  type CommandUi,
  DEFAULT_COMMAND_UI,
  getCommand,
  isEnabled,
} from "./registry";

export const CommandUiContext = createContext<CommandUi>(DEFAULT_COMMAND_UI);

export function useCommandUi(): CommandUi {
  return use(CommandUiContext);
}

/**
 * A command as a control shows it: enabled or not at `atMs` (the playhead when omitted), and a
 * `run` that performs it there.
 */
export function useCommand(id: CommandId, atMs?: number) {
  const command = getCommand(id);
  const store = useDraftStoreApi();
  const ui = useCommandUi();
  const canUndo = useDraftHistory((h) => h.pastStates.length > 0);
  const canRedo = useDraftHistory((h) => h.futureStates.length > 0);
  const enabled = useDraftStore((state) =>
    isEnabled(command, { state, canUndo, canRedo, atMs: atMs ?? state.playheadMs }),
  );
  const run = useCallback(() => {
    const state = store.getState();
    const temporal = store.temporal.getState();
    const at = atMs ?? state.playheadMs;
    const env = {
      state,
      canUndo: temporal.pastStates.length > 0,
      canRedo: temporal.futureStates.length > 0,
      atMs: at,
    };
    if (!isEnabled(command, env)) return;
    command.perform({ store, ui, atMs: at, shift: false });
  }, [command, store, ui, atMs]);
  return { command, enabled, run };
}
