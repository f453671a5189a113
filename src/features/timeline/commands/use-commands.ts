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
  runCommand,
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
    runCommand(id, { store, ui, atMs });
  }, [id, store, ui, atMs]);
  return { command, enabled, run };
}
