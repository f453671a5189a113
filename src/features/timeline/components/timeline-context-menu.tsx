// The timeline's right-click menu: the registry's commands, acting at the time clicked.
import { Menu, MenuItem } from "../../../components/menu";
import { type CommandId, MENU_COMMANDS } from "../commands/registry";
import { useCommand } from "../commands/use-commands";

export interface ContextMenuState {
  x: number;
  y: number;
  ms: number;
}

export function TimelineContextMenu({
  state,
  onClose,
}: {
  state: ContextMenuState;
  onClose: () => void;
}) {
  return (
    <Menu label="Timeline actions" x={state.x} y={state.y} onClose={onClose}>
      {MENU_COMMANDS.map((id) => (
        <CommandItem key={id} id={id} atMs={state.ms} onDone={onClose} />
      ))}
    </Menu>
  );
}

function CommandItem({ id, atMs, onDone }: { id: CommandId; atMs: number; onDone: () => void }) {
  const { command, enabled, run } = useCommand(id, atMs);
  return (
    <MenuItem
      disabled={!enabled}
      danger={command.danger}
      onSelect={() => {
        onDone();
        run();
      }}
    >
      {command.menuLabel ?? command.label}
    </MenuItem>
  );
}
