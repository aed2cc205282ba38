import type { Check } from '../context.ts';

export const fixturesCleanup: Check = {
  id: 'fixtures.cleanup',
  title: "The run's fixtures (conformance-…) are removed: bookings cancelled, the resources deleted (getResource then answers 404)",
  feature: 'core',
  specSection: 'deleteResource',
  needsStaffKey: true,
  async run(context) {
    const left = await context.fixtures.cleanup();
    return left.map((what) => ({ message: `could not remove ${what}`, expected: 'every fixture removed', got: `${what} left in the space`, sent: [] }));
  },
};
