// The browser entry points of the client whose weight is budgeted (bytes, gzip level 9).
const client = new URL('../src/index.ts', import.meta.url).pathname;

export const sizeEntries = {
  /** Everything: the client, its transport (retries, timeouts) and every operation function. Measured 2.88 kB. */
  'client-all': { source: `export * from '${client}';`, budget: 3_000 },
  /** What a booking widget needs: it must not pay for the other operations. Measured 2.12 kB. */
  'client-booking-subset': {
    source: `export { createClient, ApiError, getSpace, listResources, getAvailability, createQuote, createBooking, cancelBooking } from '${client}';`,
    budget: 2_250,
  },
} as const;
