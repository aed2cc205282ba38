/**
 * The generated avatar of a member without a picture: initials on a colour derived from the
 * member's id, the same on every page and every visit.
 *
 * The colour is drawn by the card's styles from the hue alone: `oklch(0.42 0.07 hue)` under white
 * initials, `oklch(0.75 0.1 hue)` under near-black ones in the dark scheme. Those lightnesses and
 * chromas stay inside sRGB for every hue, with a contrast of at least 7:1 to the ink (the tests
 * check every hue; OKLCH's lightness, unlike HSL's, is about the same luminance whatever the
 * hue), so the browser does the colour work and no colour code ships.
 *
 * Exports:
 * - `initials(name, locale)`: the first letter of the first and last words ("Émilie Fontaine" →
 *   "ÉF"), letters and digits only (markup or symbols in a name give no initial), "?" when none.
 * - `avatarHue(id)`: the hue (0–359) of a member's avatar.
 */

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
