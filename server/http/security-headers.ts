// The headers every answer carries (through @fastify/helmet): a Content-Security-Policy that lets
// the studio run only its own built scripts, never inside another site's frame, and the usual
// hardening beside it.
import type { FastifyHelmetOptions } from "@fastify/helmet";

/**
 * Where the studio's page may load from. Scripts, fonts and everything unnamed: only this
 * origin (Vite's build emits its scripts as files, none inline).
 * - Styles also inline: React's `style` props and sonner's injected stylesheet need it, and an
 *   inline style cannot run code.
 * - Images and media from any http(s) host: a recording's video and thumbnail live wherever the
 *   server that made it keeps them (Odyssey's storage hosts, which a studio cannot know in
 *   advance and which may change; a Custom API root on another origin), start images are data:
 *   URLs and previews blob: URLs. Neither can run script.
 * - Connections to any http(s) host: the creator picks the API root in Settings (Odyssey's
 *   https://api.odyssey.ml, or any "Custom API root" typed there), and that choice lives in the
 *   browser, so the server cannot list it here.
 */
export const STUDIO_CSP_DIRECTIVES = {
  "default-src": ["'self'"],
  "script-src": ["'self'"],
  "script-src-attr": ["'none'"],
  "style-src": ["'self'", "'unsafe-inline'"],
  "img-src": ["'self'", "data:", "blob:", "https:", "http:"],
  "media-src": ["'self'", "blob:", "https:", "http:"],
  "connect-src": ["'self'", "https:", "http:"],
  "object-src": ["'none'"],
  "base-uri": ["'self'"],
  "form-action": ["'self'"],
  "frame-ancestors": ["'none'"],
} as const;

export const SECURITY_HEADERS: FastifyHelmetOptions = {
  contentSecurityPolicy: {
    useDefaults: false,
    directives: Object.fromEntries(
      Object.entries(STUDIO_CSP_DIRECTIVES).map(([name, sources]) => [name, [...sources]]),
    ),
  },
  // The recordings' presigned URLs are made to be opened from anywhere, by anyone holding one
  // (the /api scope relaxes this); the studio's own files are for its own page.
  crossOriginResourcePolicy: { policy: "same-origin" },
  // Presigned URLs and job ids stay out of the logs of whatever a page links to.
  referrerPolicy: { policy: "no-referrer" },
  xFrameOptions: { action: "deny" },
  // The engine speaks plain HTTP; whether a name is HTTPS-only is for the proxy that serves it
  // over TLS to say, not for every name this server is reached by (localhost among them).
  strictTransportSecurity: false,
};
