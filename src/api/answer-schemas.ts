// What the client reads answers with: the contract's route table and its schemas, with zod.
// They are 10 KB gzipped that the studio needs only once it talks to a server, so the client
// imports this module on its first request and it stays off the first load (issue 14;
// scripts/bundle-size.ts fails if zod comes back).
import { type ErrorDetail, errorBodySchema } from "../contract/jobs";

export { API, pathOf } from "../contract/routes";

/** An error answer's `detail`, or its text cut short when it has none (an HTML error page). */
export function readErrorBody(json: unknown, text: string): ErrorDetail | null {
  const parsed = errorBodySchema.safeParse(json);
  if (parsed.success) return parsed.data.detail;
  return text.trim().slice(0, 300) || null;
}
