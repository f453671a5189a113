// The engines playwright.config.ts starts, by what they are for.
const port = Number(process.env.E2E_PORT ?? 8790);

/** Holds every job before rendering (jobs stay dispatched or pending); streams of 60 s at most. */
export const holdingEngine = `http://127.0.0.1:${port + 1}`;
/** Signs URLs that expire after 4 s. */
export const shortLinkEngine = `http://127.0.0.1:${port + 2}`;
