// The one rule for which Chromium the e2e tests drive, and whether to install Playwright's.
import { describe, expect, it } from "vitest";
import { chooseChromium, chromiumExecutable, type ChromiumProbe } from "./chromium";

const OWN = "/home/me/.cache/ms-playwright/chromium-1255/chrome-linux64/chrome";

function probe(env: Record<string, string>, files: string[]): ChromiumProbe {
  const present = new Set(files);
  return { env, exists: (path) => present.has(path), playwrightPath: () => OWN };
}

describe("chooseChromium", () => {
  it("uses CHROMIUM_PATH first, even over Debian's and Playwright's", () => {
    const choice = chooseChromium(
      probe({ CHROMIUM_PATH: "/opt/chromium/chrome" }, ["/usr/bin/chromium", OWN]),
    );
    expect(choice).toEqual({ kind: "system", path: "/opt/chromium/chrome", from: "CHROMIUM_PATH" });
    expect(chromiumExecutable(choice)).toBe("/opt/chromium/chrome");
  });

  it("uses Debian's Chromium when there is one, as CI installs it, and installs nothing", () => {
    const choice = chooseChromium(probe({}, ["/usr/bin/chromium"]));
    expect(choice).toEqual({ kind: "system", path: "/usr/bin/chromium", from: "system" });
    expect(chromiumExecutable(choice)).toBe("/usr/bin/chromium");
  });

  it("ignores an empty CHROMIUM_PATH", () => {
    expect(chooseChromium(probe({ CHROMIUM_PATH: " " }, ["/usr/bin/chromium"]))).toMatchObject({
      from: "system",
    });
  });

  it("leaves Playwright to its own browser when that is downloaded already", () => {
    const choice = chooseChromium(probe({}, [OWN]));
    expect(choice).toEqual({ kind: "playwright", path: OWN });
    expect(chromiumExecutable(choice)).toBeUndefined();
  });

  it("asks for Playwright's browser to be installed only when there is none at all", () => {
    const choice = chooseChromium(probe({}, []));
    expect(choice).toEqual({ kind: "missing", path: OWN });
    expect(chromiumExecutable(choice)).toBeUndefined();
  });
});
