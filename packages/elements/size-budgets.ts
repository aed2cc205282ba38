/**
 * Byte budgets (gzip, level 9, each file apart as a browser fetches it) of what a page loads for
 * each entry of the CDN build (`npm run build:cdn`, the files the demo site serves): the entry,
 * every chunk it imports statically or dynamically, and, for a French page, the translations of
 * those chunks. All a visitor pays for that element's complete journey, with its share of Lit,
 * @lit/localize, @lit/context and the client on ky. Enforced by test/size.test.ts, which builds
 * the CDN bundle with the build's own script and follows the imports of the built files.
 *
 * `target` is what issue 11 asks. Not every element meets it yet: `en` and `fr` hold the measure
 * (Terser then Rolldown's minifier, Lit's templates minified; measured 2026-12-08, with the hashes
 * of the files' names in their imports, which cost 0.04 to 0.4 kB a journey), rounded up by 0.01
 * to 0.1 kB, so that it cannot grow unnoticed, and the test prints how far each is from its
 * target. core.js is 21.82 kB of every journey (Lit, @lit/localize, @lit/context, the client on
 * ky and the elements' shared pieces). Each file compresses apart; the French translations are
 * split by element folder (fr/booking.js…), so a page pays only for its own.
 */

export interface Budget {
  /** Bytes, gzip, of an English page's journey. */
  en: number;
  /** Bytes, gzip, of a French page's journey (the English one plus its French translations). */
  fr: number;
  /** Issue 11's budget, where it names one. */
  target?: { en: number; fr: number };
}

export const sizeBudgets = {
  // Issue 11: ≤ 38 kB English, ≤ 41 kB French. Measured 39.16 and 42.34: the checkout and the
  // embedded sign-in included, and for French the booking's, the sign-in's and the states' messages.
  'cowork-booking': { en: 39_200, fr: 42_400, target: { en: 38_000, fr: 41_000 } },
  // Issue 11: ≤ 44 / 47. Measured 44.35 and 47.28: the three views, navigation, filter, subscribe,
  // and the event dialog with registration and the embedded sign-in.
  'cowork-event-calendar': { en: 44_400, fr: 47_300, target: { en: 44_000, fr: 47_000 } },
  // Issue 11: ≤ 35 / 38. Measured 36.48 and 39.00, the cards and the sign-in of a members-only directory included.
  'cowork-member-directory': { en: 36_500, fr: 39_100, target: { en: 35_000, fr: 38_000 } },
  // Issue 11: ≤ 28 / 31. Measured 28.35 and 29.81 (French within), the editor of one's own card included.
  'cowork-member-card': { en: 28_400, fr: 29_900, target: { en: 28_000, fr: 31_000 } },
  // Measured 26.62 and 27.86.
  'cowork-sign-in': { en: 26_700, fr: 27_900 },
  // Measured 30.14 and 31.95, the embedded sign-in included.
  'cowork-my-bookings': { en: 30_200, fr: 32_000 },
  // Measured 23.24 and 23.91: nearly all of it core.js.
  'cowork-space': { en: 23_300, fr: 24_000 },
  // Every element (cowork-elements.js, the all-in-one entry). Issue 11: ≤ 72 / 76. Measured 71.70 (within) and 78.43.
  'cowork-elements': { en: 71_800, fr: 78_500, target: { en: 72_000, fr: 76_000 } },
} as const satisfies Record<string, Budget>;

export type BudgetedEntry = keyof typeof sizeBudgets;
