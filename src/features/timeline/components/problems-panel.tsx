// Every problem the timeline check finds (validateScript's, and interactions no frame would
// show), each selecting its entry on click.
import { formatCount } from "../../../contract/format";
import { useTimelineCheck } from "../hooks/use-timeline-check";
import { useRevealEntry } from "../hooks/use-reveal-entry";

export function ProblemsPanel() {
  const { problems } = useTimelineCheck();
  const reveal = useRevealEntry();

  return (
    <section
      aria-label="Problems"
      className="rounded-xl border border-zinc-200 bg-white p-4 shadow-sm dark:border-zinc-800 dark:bg-zinc-900"
    >
      <h2 className="mb-3 flex items-center gap-2 text-sm font-semibold">
        Problems
        <span
          className={[
            "rounded-full px-2 py-0.5 text-xs font-medium",
            problems.length
              ? "bg-red-100 text-red-700 dark:bg-red-500/15 dark:text-red-300"
              : "bg-emerald-100 text-emerald-700 dark:bg-emerald-500/15 dark:text-emerald-300",
          ].join(" ")}
        >
          {problems.length ? formatCount(problems.length) : "none"}
        </span>
      </h2>
      {problems.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          The script is valid and ready to submit.
        </p>
      ) : (
        <ul className="max-h-48 space-y-1 overflow-y-auto text-sm">
          {problems.slice(0, 200).map((problem, index) => (
            <li key={`${problem.entryId}:${problem.code}:${index}`}>
              {problem.entryId ? (
                // A link to the entry, so it is not mistaken for the entry's own button.
                <a
                  href={`#entry-${problem.entryId}`}
                  onClick={(event) => {
                    event.preventDefault();
                    reveal(problem.entryId as string);
                  }}
                  className="flex w-full items-start gap-2 rounded-md px-2 py-1 text-left text-red-700 hover:bg-red-50 dark:text-red-300 dark:hover:bg-red-500/10"
                >
                  <Dot />
                  <span className="first-letter:uppercase">{problem.message}</span>
                </a>
              ) : (
                <p className="flex items-start gap-2 px-2 py-1 text-red-700 dark:text-red-300">
                  <Dot />
                  <span className="first-letter:uppercase">{problem.message}</span>
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Dot() {
  return <span aria-hidden className="mt-1.5 size-2 shrink-0 rounded-full bg-red-500" />;
}
