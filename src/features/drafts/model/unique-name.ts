// Names a new draft so it never shares a name with another: "Harbour", then "Harbour (2)",
// "Harbour (3)"... A name that already ends in " (n)" counts on from n.

const NUMBERED = /^(.*\S) \((\d+)\)$/;

export function uniqueName(wanted: string, existing: Iterable<string>): string {
  const taken = new Set(existing);
  if (!taken.has(wanted)) return wanted;
  const numbered = NUMBERED.exec(wanted);
  const base = numbered ? (numbered[1] as string) : wanted;
  let n = numbered ? Number(numbered[2]) + 1 : 2;
  while (taken.has(`${base} (${n})`)) n++;
  return `${base} (${n})`;
}
