import { onlineManager } from "@tanstack/react-query";
import { useSyncExternalStore } from "react";

/** Whether TanStack Query believes the browser is online (it pauses fetches when not). */
export function useOnline(): boolean {
  return useSyncExternalStore(
    (onChange) => onlineManager.subscribe(onChange),
    () => onlineManager.isOnline(),
    () => true,
  );
}
