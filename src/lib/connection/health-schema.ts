// What the studio's own server says of itself at /api/health (read by ./server-info.ts, which
// imports this module only once it has an answer, so zod stays off the first load).
import * as z from "zod/mini";

export const healthSchema = z.object({
  relay: z.catch(
    z.nullish(
      z.object({
        path: z.string().check(z.regex(/^\/[\w/-]*$/)),
        upstream: z.string(),
        key_held_by_server: z.boolean(),
      }),
    ),
    null,
  ),
});
