// The browser entry points of the client whose weight is budgeted (bytes, gzip level 9).
const client = new URL('../src/index.ts', import.meta.url).pathname;

export const sizeEntries = {
  /**
   * Everything: the client, ky 2.1 (8.79 kB of it alone) and every operation function. It grows with
   * the spec (a few bytes per operation; what a page pays is the subset below): 10.72 kB with the
   * 0.1.0 operations, 11.09 kB with the 77 of 0.2.0 so far (credits and webhooks added).
   */
  'client-all': { source: `export * from '${client}';`, budget: 11_250 },
  /** What a booking widget needs: it must not pay for the other operations. Measured 9.95 kB, ky included. */
  'client-booking-subset': {
    source: `export { createClient, ApiError, getSpace, listResources, getAvailability, createQuote, createBooking, cancelBooking } from '${client}';`,
    budget: 10_250,
  },
} as const;
