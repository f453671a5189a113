import { NavLink } from "../nav-link";

/** Jobs and their recordings are two views of the same work. */
export function JobsTabs() {
  const tab = ({ isActive }: { isActive: boolean }) =>
    [
      "rounded-md px-3 py-1.5 text-sm font-medium",
      isActive
        ? "bg-zinc-900 text-white dark:bg-zinc-100 dark:text-zinc-900"
        : "text-zinc-600 hover:bg-zinc-100 dark:text-zinc-400 dark:hover:bg-zinc-800",
    ].join(" ");
  return (
    <nav aria-label="Jobs views" className="flex gap-1">
      <NavLink to="/jobs" end className={tab}>
        All jobs
      </NavLink>
      <NavLink to="/jobs/recordings" className={tab}>
        Recordings
      </NavLink>
    </nav>
  );
}
