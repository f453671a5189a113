// Imported first by main.tsx: zod compiles object parsers with `new Function` unless told not to,
// and probes for it as it builds each object schema, which the studio's Content-Security-Policy
// (script-src 'self', no 'unsafe-eval') refuses and reports as a violation.
import { z } from "zod";

z.config({ jitless: true });
