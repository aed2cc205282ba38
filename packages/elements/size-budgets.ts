/**
 * Byte budgets (gzip, level 9) of each element's `define` entry built alone for browsers, with
 * its share of Lit, @lit/localize, @lit/context and the client: what a page pays for loading that
 * one element. Enforced by test/size.test.ts (tools/browser/measure.ts). The French messages are a
 * separate chunk, loaded only for French pages, and not counted here.
 *
 * What every element pays before its own code (measured with the same build): Lit 5.8 kB, plus
 * @lit/context and @lit/localize 1.0 kB, plus the client 9.5 kB — of which ky is 8.7 kB — so
 * 16.8 kB; the shared foundation (controllers, theme, states, formatting, events) adds about 6 kB.
 */
export const sizeBudgets = {
  'cowork-booking': 30_000,
  // Measured 24.0 kB: Lit, contexts, localization and the client (ky) are 16.8 kB of it.
  'cowork-sign-in': 25_000,
  // Measured 27.8 kB, the embedded sign-in included.
  'cowork-my-bookings': 28_500,
  // Measured 16.9 kB: nearly all of it Lit, @lit/context and the client.
  'cowork-space': 17_500,
  // Measured 18.8 kB. The card and the directory load the standalone connection (createClient and
  // ky, 11.1 kB) only when they stand alone, without a <cowork-space> (which has it already): a
  // lazy chunk, not counted here (src/member-card/lazy-space-controller.ts).
  'cowork-member-card': 20_000,
  // Measured 21.6 kB, the card included; the sign-in form of a members-only directory is a lazy
  // chunk too, loaded only for a visitor who must sign in.
  'cowork-member-directory': 25_000,
} as const;

export type BudgetedElement = keyof typeof sizeBudgets;

/** Where each element's define entry is, from packages/elements/. */
export const defineEntries: Record<BudgetedElement, string> = {
  'cowork-booking': 'src/booking/define.ts',
  'cowork-sign-in': 'src/sign-in/define.ts',
  'cowork-my-bookings': 'src/my-bookings/define.ts',
  'cowork-space': 'src/space/define.ts',
  'cowork-member-card': 'src/member-card/define.ts',
  'cowork-member-directory': 'src/member-directory/define.ts',
};
