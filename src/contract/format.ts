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

/** "1 h 30 min", "4 min 10 s", "45 s": a length of video in words, for limits and totals. */
export function formatDuration(ms: number): string {
  const total = Math.round(ms / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const parts = [
    hours > 0 ? `${formatCount(hours)} h` : null,
    minutes > 0 ? `${minutes} min` : null,
    seconds > 0 || total === 0 ? `${seconds} s` : null,
  ];
  return parts.filter((part) => part !== null).join(" ");
}
