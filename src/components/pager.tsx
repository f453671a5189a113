// Previous / Next through pages of a list the server pages, with where you are.

export function Pager({
  page,
  pages,
  onPage,
}: {
  /** Zero-based. */
  page: number;
  pages: number;
  onPage: (page: number) => void;
}) {
  if (pages <= 1) return null;
  const button =
    "rounded-md border border-zinc-300 px-3 py-1 font-medium disabled:opacity-50 dark:border-zinc-700";
  return (
    <nav aria-label="Pages" className="flex items-center justify-end gap-2 text-sm">
      <span className="text-zinc-600 dark:text-zinc-400">
        Page {page + 1} of {pages}
      </span>
      <button
        type="button"
        className={button}
        disabled={page === 0}
        onClick={() => onPage(page - 1)}
      >
        Previous
      </button>
      <button
        type="button"
        className={button}
        disabled={page + 1 >= pages}
        onClick={() => onPage(page + 1)}
      >
        Next
      </button>
    </nav>
  );
}
