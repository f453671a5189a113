// The renderer draws with a font it ships (DejaVu Sans, from the dejavu-fonts-ttf npm package)
// so every machine draws the same pixels. A character DejaVu lacks (CJK, emoji) comes from an
// installed font, or draws as a box where none has it: it never throws.
import { GlobalFonts, type SKRSContext2D } from "@napi-rs/canvas";
import { createRequire } from "node:module";
import path from "node:path";

/** A name no system installs, so a font list naming it never resolves to another font. */
export const FONT_FAMILY = "Simulate Preview Sans";
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

/** Sets the font and pins the language: left to its default, it follows the host's locale. */
export function useFont(
  ctx: SKRSContext2D,
  px: number,
  weight: "normal" | "bold" = "normal",
): void {
  ctx.lang = "en";
  ctx.font = `${weight} ${px}px "${FONT_FAMILY}"`;
}
