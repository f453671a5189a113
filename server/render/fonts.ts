// The renderer draws with a font it ships (DejaVu, from an npm package) so every machine
// renders the same pixels; Skia falls back per glyph for characters DejaVu lacks.
import { GlobalFonts } from "@napi-rs/canvas";
import { createRequire } from "node:module";
import path from "node:path";

export const FONT_FAMILY = "Studio Sans";
let registered = false;

export function registerFonts(): void {
  if (registered) return;
  const require = createRequire(import.meta.url);
  const dir = path.join(path.dirname(require.resolve("dejavu-fonts-ttf/package.json")), "ttf");
  for (const file of ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf"]) {
    if (!GlobalFonts.registerFromPath(path.join(dir, file), FONT_FAMILY)) {
      throw new Error(`could not load the renderer's font ${file}`);
    }
  }
  registered = true;
}
