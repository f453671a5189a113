// sonner's Toaster, mounted once sonner is fetched: on the first toast (src/lib/notify.ts), or
// when the browser is first idle, so a later first toast shows without waiting for the network.
// sonner replays toasts raised before its Toaster subscribed, so none is lost meanwhile.
import { type ComponentType, useEffect, useState } from "react";
import type { ToasterProps } from "sonner";
import { loadSonner, LOWER_POSITION, MAX_TOASTS, sonnerLoaded } from "../lib/notify";

export function AppToaster() {
  const [Toaster, setToaster] = useState<ComponentType<ToasterProps> | null>(null);

  useEffect(() => {
    let mounted = true;
    void sonnerLoaded.then((module) => {
      if (mounted) setToaster(() => module.Toaster);
    });
    const load = () => loadSonner().catch(() => {});
    const idle =
      typeof requestIdleCallback === "function"
        ? requestIdleCallback(load, { timeout: 3000 })
        : undefined;
    const timer = idle === undefined ? setTimeout(load, 1000) : undefined;
    return () => {
      mounted = false;
      if (idle !== undefined) cancelIdleCallback(idle);
      clearTimeout(timer);
    };
  }, []);

  if (!Toaster) return null;
  return (
    <Toaster
      richColors
      closeButton
      position={LOWER_POSITION}
      visibleToasts={MAX_TOASTS}
      theme="system"
    />
  );
}
