// The engines playwright.config.ts starts, by what they are for.
const port = Number(process.env.E2E_PORT ?? 8790);

/** Holds every job before rendering (jobs stay dispatched or pending); streams of 60 s at most. */
export const holdingEngine = `http://127.0.0.1:${port + 1}`;
/** Signs URLs that expire after 4 s. */
export const shortLinkEngine = `http://127.0.0.1:${port + 2}`;
/** A server shaped like Odyssey's cloud (server/test/cloud-stand-in.ts): its API root. */
export const cloudStandIn = `http://127.0.0.1:${port + 3}`;
/** Where the cloud stand-in keeps its files: another origin, with no CORS headers. */
export const cloudFiles = `http://127.0.0.1:${port + 4}`;
/** A studio whose relay forwards to the cloud stand-in with a key the server holds. */
export const cloudStudio = `http://127.0.0.1:${port + 5}`;
