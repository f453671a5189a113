import { lazy, type ReactNode, Suspense } from "react";
import { NavLink } from "./nav-link";
import { WithServerState } from "./server-state";

// Polls with TanStack Query, so it starts once Query's core has arrived (server-state.tsx).
const JobWatcher = lazy(() =>
  import("../features/jobs/components/job-watcher").then((m) => ({ default: m.JobWatcher })),
);

const navigation = [
  { to: "/", label: "Studio", end: true },
  { to: "/jobs", label: "Jobs", end: false },
  { to: "/settings", label: "Settings", end: false },
] as const;

export function AppLayout({ children }: { children: ReactNode }) {
  return (
    <div className="flex min-h-dvh flex-col">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-sm dark:focus:bg-zinc-900"
      >
        Skip to content
      </a>
      <header className="sticky top-0 z-20 border-b border-zinc-200 bg-white/80 backdrop-blur dark:border-zinc-800 dark:bg-zinc-950/80">
        <div className="mx-auto flex h-14 max-w-screen-2xl items-center gap-6 px-4">
          <NavLink to="/" className="flex items-center gap-2 font-semibold tracking-tight">
            <img src="/favicon.svg" alt="" className="size-7" />
            <span>Simulate Studio</span>
          </NavLink>
          <nav aria-label="Main" className="flex items-center gap-1">
            {navigation.map((item) => (
              <NavLink
                key={item.to}
                to={item.to}
                end={item.end}
                className={({ isActive }) =>
                  [
                    "rounded-md px-3 py-1.5 text-sm font-medium transition-colors motion-reduce:transition-none",
                    isActive
                      ? "bg-accent-100 text-accent-700 dark:bg-accent-500/15 dark:text-accent-400"
                      : "text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-zinc-100",
                  ].join(" ")
                }
              >
                {item.label}
              </NavLink>
            ))}
          </nav>
        </div>
      </header>
      <main id="main" className="mx-auto flex w-full max-w-screen-2xl flex-1 flex-col px-4 py-6">
        {children}
      </main>
      <WithServerState required={false}>
        <Suspense>
          <JobWatcher />
        </Suspense>
      </WithServerState>
    </div>
  );
}
