/** "2.50 s": how every message and label in the studio writes a script time. */
export function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

/** "2,134": counts in messages, independent of the runtime's locale. */
export function formatCount(n: number): string {
  return String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** "31.2 MB", in the same binary megabytes as the 25 MB image limit, so the limit reads "25.0 MB". */
export function formatMegabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
