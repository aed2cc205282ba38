// The browser entry points of the client whose weight is budgeted (bytes, gzip level 9).
const client = new URL('../src/index.ts', import.meta.url).pathname;

export const sizeEntries = {
  /** Everything: the client, every operation function, and ky. */
  'client-all': { source: `export * from '${client}';`, budget: 11_000 },
  /** What a booking widget needs: it must not pay for the other operations. */
  'client-booking-subset': {
    source: `export { createClient, ApiError, getSpace, listResources, getAvailability, createQuote, createBooking, cancelBooking } from '${client}';`,
    budget: 10_000,
  },
} as const;
