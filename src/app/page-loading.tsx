/** Shown while a page's code is fetched on its first visit (the routes other than the studio). */
export function PageLoading() {
  return (
    <p role="status" className="py-8 text-sm text-zinc-500 dark:text-zinc-400">
      Loading page…
    </p>
  );
}
