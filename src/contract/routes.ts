/**
 * Every endpoint of the Simulate API, relative to its root. The engine's route table must
 * cover each (a missing handler fails to compile), and the browser client has one method each.
 */
export const API_ROUTES = [
  "POST /auth/token",
  "POST /simulation-jobs",
  "GET /simulation-jobs",
  "GET /simulation-jobs/:job_id",
  "DELETE /simulation-jobs/:job_id",
  "GET /recordings/:stream_id",
  "GET /stream-recordings",
] as const;

export type ApiRoute = (typeof API_ROUTES)[number];
