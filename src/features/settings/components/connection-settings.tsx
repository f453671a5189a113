// Where scripts run: the local engine (no set-up), Odyssey's cloud, or another Simulate API
// server; the key for it; whether to remember the key; and a test that names what fails.
import { useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import {
  type ConnectionCheck,
  checkConnection,
  notReadyCheck,
} from "../../../api/check-connection";
import { createSimulateClient } from "../../../api/simulate-client";
import { Alert } from "../../../components/alert";
import { Button } from "../../../components/button";
import { CLOUD_ROOT, type Target } from "../../../lib/connection/connection-store";
import { useServerInfo } from "../../../lib/connection/server-info";
import { useConnection, useConnectionSettings } from "../../../lib/connection/use-connection";

const targets: { value: Target; label: string; description: string }[] = [
  {
    value: "local",
    label: "Local engine",
    description:
      "This machine's engine. Free and private; it renders previews (animatics of your script's timing, prompts and images), not world-model video.",
  },
  {
    value: "cloud",
    label: "Odyssey cloud",
    description: `Odyssey's hosted Simulate API at ${CLOUD_ROOT}: real world-model video. Needs an API key from your Odyssey account.`,
  },
  {
    value: "custom",
    label: "Custom API root",
    description:
      "Any other server that speaks the Simulate API, such as a local engine on another machine.",
  },
];

export function ConnectionSettings() {
  const { setTarget, setCustomRoot, setKey, setRemember } = useConnectionSettings((s) => s.actions);
  const target = useConnectionSettings((s) => s.target);
  const customRoot = useConnectionSettings((s) => s.customRoot);
  const keys = useConnectionSettings((s) => s.keys);
  const remember = useConnectionSettings((s) => s.remember);
  const connection = useConnection();
  const relay = useServerInfo()?.relay ?? null;
  const queryClient = useQueryClient();
  const [showKey, setShowKey] = useState(false);
  const [check, setCheck] = useState<ConnectionCheck | null>(null);
  const [checking, setChecking] = useState(false);
  const ids = useId();

  const changeTarget = (next: Target) => {
    setCheck(null);
    setTarget(next);
  };

  const test = async () => {
    if (!connection.ready) {
      setCheck(notReadyCheck(connection.reason));
      return;
    }
    setChecking(true);
    setCheck(null);
    const client = createSimulateClient({
      root: connection.root,
      apiKey: connection.apiKey,
      relayed: connection.relayed,
    });
    try {
      setCheck(
        await checkConnection(client, {
          origin: window.location.origin,
          keyHeldByServer: connection.keyHeldByServer,
        }),
      );
      // A working connection may show other jobs than the cache holds.
      void queryClient.invalidateQueries();
    } finally {
      setChecking(false);
    }
  };

  // The studio's server holds the cloud's key: nothing to type, nothing to remember.
  const keyHeldByServer = target === "cloud" && connection.keyHeldByServer;
  const keyTarget = target === "local" || keyHeldByServer ? null : target;
  return (
    <div className="flex max-w-3xl flex-col gap-6">
      <fieldset className="rounded-xl border border-zinc-200 bg-white p-4 shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
        <legend className="px-1 text-sm font-semibold">Where scripts run</legend>
        <div className="flex flex-col gap-3">
          {targets.map((option) => (
            <div
              key={option.value}
              className="flex items-start gap-3 rounded-lg p-2 hover:bg-zinc-50 dark:hover:bg-zinc-800/60"
            >
              <input
                id={`${ids}-${option.value}-radio`}
                type="radio"
                name="target"
                className="mt-1 size-4 accent-accent-600"
                checked={target === option.value}
                onChange={() => changeTarget(option.value)}
                aria-describedby={`${ids}-${option.value}`}
              />
              <div className="flex flex-col">
                <label
                  htmlFor={`${ids}-${option.value}-radio`}
                  className="cursor-pointer text-sm font-medium"
                >
                  {option.label}
                </label>
                <p
                  id={`${ids}-${option.value}`}
                  className="text-sm text-zinc-600 dark:text-zinc-400"
                >
                  {option.value === "cloud" && relay ? (
                    <>
                      Odyssey&apos;s hosted Simulate API: real world-model video. This studio&apos;s
                      server relays it from <span className="font-mono">{relay.upstream}</span>
                      {relay.keyHeldByServer
                        ? ", with a key of its own."
                        : ". Needs an API key from your Odyssey account."}
                    </>
                  ) : (
                    option.description
                  )}
                </p>
              </div>
            </div>
          ))}
        </div>

        {target === "custom" ? (
          <label className="mt-4 flex flex-col gap-1 text-sm font-medium">
            API root
            <input
              type="url"
              inputMode="url"
              spellCheck={false}
              placeholder="https://simulate.example.com/api"
              className="rounded-md border border-zinc-300 bg-white px-3 py-1.5 font-mono text-sm font-normal dark:border-zinc-700 dark:bg-zinc-950"
              value={customRoot}
              onChange={(event) => {
                setCheck(null);
                setCustomRoot(event.target.value);
              }}
            />
          </label>
        ) : null}

        {keyTarget ? (
          <div className="mt-4 flex flex-col gap-3">
            <label className="flex flex-col gap-1 text-sm font-medium">
              API key
              <span className="flex gap-2">
                <input
                  type={showKey ? "text" : "password"}
                  autoComplete="off"
                  spellCheck={false}
                  className="flex-1 rounded-md border border-zinc-300 bg-white px-3 py-1.5 font-mono text-sm font-normal dark:border-zinc-700 dark:bg-zinc-950"
                  value={keys[keyTarget]}
                  onChange={(event) => {
                    setCheck(null);
                    setKey(keyTarget, event.target.value);
                  }}
                />
                <Button aria-pressed={showKey} onClick={() => setShowKey((v) => !v)}>
                  {showKey ? "Hide key" : "Show key"}
                </Button>
              </span>
            </label>
            <div className="flex items-start gap-2 text-sm">
              <input
                id={`${ids}-remember-box`}
                type="checkbox"
                className="mt-0.5 size-4 accent-accent-600"
                checked={remember}
                onChange={(event) => setRemember(event.target.checked)}
                aria-describedby={`${ids}-remember`}
              />
              <div>
                <label htmlFor={`${ids}-remember-box`} className="cursor-pointer font-medium">
                  Remember on this device
                </label>
                <p id={`${ids}-remember`} className="text-zinc-600 dark:text-zinc-400">
                  {remember
                    ? "Your key is saved in this browser's storage, where anyone using this device, and any script running on this page, can read it. Untick to forget it."
                    : "Off: the key lives only in this tab and is gone when you close or reload it. Turning this on saves it in this browser's storage, readable by anyone using this device; leave it off on shared computers."}
                </p>
              </div>
            </div>
            {keyTarget === "cloud" && connection.relayed ? (
              <p className="text-sm text-zinc-600 dark:text-zinc-400">
                The key travels with each request through this studio&apos;s server to
                Odyssey&apos;s cloud; the server neither keeps nor logs it.
              </p>
            ) : null}
          </div>
        ) : keyHeldByServer ? (
          <p className="mt-4 text-sm text-zinc-600 dark:text-zinc-400">
            No key needed here: the key is held by the studio&apos;s server (its{" "}
            <code className="font-mono">ODYSSEY_API_KEY</code>), which uses it for every request.
            Anyone who can reach this server can spend that account&apos;s credits.
          </p>
        ) : (
          <p className="mt-4 text-sm text-zinc-600 dark:text-zinc-400">
            No key needed: this browser made its own random key for the local engine, which keeps
            your jobs apart from other browsers&apos;. It is stored in this browser and works
            nowhere else.
          </p>
        )}
      </fieldset>

      <div className="flex flex-wrap items-start gap-3">
        <Button variant="primary" disabled={checking} onClick={() => void test()}>
          {checking ? "Testing…" : "Test connection"}
        </Button>
        {/* Mounted before the result arrives, so screen readers announce it when it does. */}
        <div role="status" className="min-h-9 flex-1">
          {check ? (
            <Alert tone={check.ok ? "success" : "error"} live={false} title={`${check.title}.`}>
              {check.message}
            </Alert>
          ) : null}
        </div>
      </div>
      <p className="text-xs text-zinc-500">
        Keys are never written into drafts, exported scripts, share links or logs.{" "}
        {remember && keyTarget ? "This one is remembered on this device." : null}
      </p>
    </div>
  );
}
