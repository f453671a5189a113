// Whether this browser has had its first visit (the sample draft) and its hint, kept apart from
// the starter drafts themselves so a returning visit never fetches those.
// Set once the first visit has had its sample and hint; e2e tests set them to start blank.
export const FIRST_RUN_KEY = "simulate-studio:first-run";
export const HINT_KEY = "simulate-studio:hint";

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string) {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Without storage the sample may show again; nothing is lost.
  }
}

export const firstRun = {
  isFirst: () => read(FIRST_RUN_KEY) === null,
  done: () => write(FIRST_RUN_KEY, "done"),
  hintShown: () => read(HINT_KEY) === null,
  dismissHint: () => write(HINT_KEY, "dismissed"),
};
