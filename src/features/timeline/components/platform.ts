const isMac = typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform);

/** How shortcuts write the command key here: "⌘" on Apple systems, "Ctrl+" elsewhere. */
export const MOD = isMac ? "⌘" : "Ctrl+";
