/**
 * The generated avatar of a member without a picture: initials on a colour derived from the
 * member's id, the same on every page and every visit.
 *
 * Exports:
 * - `initials(name, locale)`: the first letter of the first and last words ("Émilie Fontaine" →
 *   "ÉF"), letters and digits only (markup or symbols in a name give no initial), "?" when none.
 * - `avatarColours(id)`: `{ light, dark }` backgrounds (`#rrggbb`): the light one carries white
 *   initials, the dark one near-black initials (`avatarInk`), both with a contrast of at least
 *   7:1, whatever the hue.
 * - `avatarInk`: `{ light: '#ffffff', dark: '#0f1412' }`, the colours of the initials.
 * - `contrast(a, b)`: the WCAG contrast ratio of two `#rrggbb` colours.
 */

export const avatarInk = { light: '#ffffff', dark: '#0f1412' };

export function initials(name: string, locale: string): string {
  const letters = name
    .normalize('NFC')
    .split(/\s+/)
    .map((word) => /[\p{L}\p{N}]/u.exec(word)?.[0])
    .filter((letter): letter is string => !!letter);
  const picked = letters.length > 1 ? [letters[0], letters[letters.length - 1]] : letters;
  return picked.join('').toLocaleUpperCase(locale) || '?';
}

/** FNV-1a: a stable number for a string. */
function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** sRGB channels (0–1) of an HSL colour. */
function rgb(h: number, s: number, l: number): number[] {
  const a = s * Math.min(l, 1 - l);
  return [0, 8, 4].map((n) => {
    const k = (n + h / 30) % 12;
    return l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1));
  });
}

const linear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
const luminance = (channels: number[]) => 0.2126 * linear(channels[0]!) + 0.7152 * linear(channels[1]!) + 0.0722 * linear(channels[2]!);
const hex = (channels: number[]) => `#${channels.map((c) => Math.round(c * 255).toString(16).padStart(2, '0')).join('')}`;
const parse = (colour: string) => [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16) / 255);

/** The colour of hue `h` and saturation `s` whose luminance is `target` (lightness by bisection). */
function tone(h: number, s: number, target: number): string {
  let low = 0;
  let high = 1;
  for (let i = 0; i < 20; i++) {
    const mid = (low + high) / 2;
    if (luminance(rgb(h, s, mid)) < target) low = mid;
    else high = mid;
  }
  return hex(rgb(h, s, low));
}

export function avatarColours(id: string): { light: string; dark: string } {
  const h = hash(id) % 360;
  // Luminance 0.09 under white (contrast ≥ 7.5), 0.4 under near-black ink (≥ 7.5); muted
  // saturations, so that no hue shouts.
  return { light: tone(h, 0.5, 0.09), dark: tone(h, 0.42, 0.4) };
}

export function contrast(a: string, b: string): number {
  const [x, y] = [luminance(parse(a)), luminance(parse(b))].sort((p, q) => q - p) as [number, number];
  return (x + 0.05) / (y + 0.05);
}
