// Which scripts count as the studio's first load, read from a built index.html.
import { describe, expect, it } from "vitest";
import { firstLoadScripts } from "./bundle-size";

describe("firstLoadScripts", () => {
  it("takes the entry module and its preloaded imports, not styles or icons", () => {
    const html = `<head>
      <link rel="icon" type="image/svg+xml" href="/favicon.svg" />
      <script type="module" crossorigin src="/assets/index-A1.js"></script>
      <link rel="modulepreload" crossorigin href="/assets/vendor-B2.js">
      <link rel="stylesheet" crossorigin href="/assets/index-C3.css">
    </head>`;
    expect(firstLoadScripts(html)).toEqual(["/assets/index-A1.js", "/assets/vendor-B2.js"]);
  });

  it("finds nothing in a page without module scripts", () => {
    expect(firstLoadScripts("<html><body></body></html>")).toEqual([]);
  });
});
