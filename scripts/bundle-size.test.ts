// Which scripts count as the studio's first load, read from a built index.html.
import { describe, expect, it } from "vitest";
import { firstLoadScripts, LAZY_ONLY, lazyOnlyFound } from "./bundle-size";

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

describe("lazyOnlyFound", () => {
  it("names a lazy-only package whose code is in a first-load chunk", () => {
    const dropzone = `const e="too-many-files";function f(n){return n!=="Thumbs.db"}`;
    expect(lazyOnlyFound(["import{r}from'./react.js'", dropzone])).toEqual([
      "file-selector (react-dropzone)",
      "react-dropzone",
    ]);
  });

  it("finds none in code that only imports them on demand", () => {
    const lazy = `const load=()=>import("./es-Dhz5.js");const lz=()=>import("./lz-string-B.js")`;
    expect(lazyOnlyFound([lazy])).toEqual([]);
  });

  it("has markers that are in the packages themselves", async () => {
    const { readFileSync } = await import("node:fs");
    const code = (path: string) =>
      readFileSync(new URL(`../node_modules/${path}`, import.meta.url), "utf8");
    const sources = [
      code("file-selector/dist/es2015/file-selector.js"),
      code("react-dropzone/dist/es/utils/index.js"),
      code("lz-string/libs/lz-string.js"),
      code("zod/v4/core/schemas.js"),
      code("@tanstack/query-core/build/modern/utils.js"),
      code("@dnd-kit/core/dist/core.esm.js"),
    ];
    expect(lazyOnlyFound(sources)).toEqual(LAZY_ONLY.map(({ name }) => name));
  });
});
