/**
 * The generated avatar of a member without a picture: initials on a colour derived from the
 * member's id, the same on every page and every visit.
 *
 * The colour is drawn by the card's styles from the hue alone: `oklch(0.42 0.07 hue)` under white
 * initials, `oklch(0.75 0.1 hue)` under near-black ones in the dark scheme. Those lightnesses and
 * chromas stay inside sRGB for every hue, with a contrast of at least 8:1 and 7.9:1 to the ink
 * (OKLCH's lightness, unlike HSL's, is about the same luminance whatever the hue), so the
 * browser does the colour work and no colour code ships.
 *
 * Exports:
 * - `initials(name, locale)`: the first letter of the first and last words ("Émilie Fontaine" →
 *   "ÉF"), letters and digits only (markup or symbols in a name give no initial), "?" when none.
 * - `avatarHue(id)`: the hue (0–359) of a member's avatar.
 * - `avatarInk`: `{ light: '#ffffff', dark: '#0f1412' }`, the colours of the initials.
 * - `contrast(a, b)`: the WCAG contrast ratio of two `#rrggbb` colours (for the tests).
 */

export const avatarInk = { light: '#ffffff', dark: '#0f1412' };

export function initials(name: string, locale: string): string {
  const letters = name
    .normalize('NFC')
    .split(/\s+/)
    .map((word) => /[\p{L}\p{N}]/u.exec(word)?.[0])
    .filter(Boolean);
  return ((letters[0] ?? '') + (letters.length > 1 ? letters.at(-1) : '')).toLocaleUpperCase(locale) || '?';
}

/** The hue (0–359) of a member's generated avatar: FNV-1a of the id, so that ids alike get hues apart. */
export function avatarHue(id: string): number {
  let h = 0;
  for (const c of id) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  return (h >>> 0) % 360;
}

const linear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
const luminance = (channels: number[]) => 0.2126 * linear(channels[0]!) + 0.7152 * linear(channels[1]!) + 0.0722 * linear(channels[2]!);
const parse = (colour: string) => [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16) / 255);

export function contrast(a: string, b: string): number {
  const [x, y] = [luminance(parse(a)), luminance(parse(b))].sort((p, q) => q - p) as [number, number];
  return (x + 0.05) / (y + 0.05);
}
