import { loadSpec } from '../app.ts';
import type { HandlerGroup } from './types.ts';

/** Optional features of the spec that this server implements: all of them. */
const features = ['guest-bookings', 'approvals', 'member-directory', 'events', 'registrations', 'waitlist', 'ical', 'quotes', 'member-data-export', 'staff-api', 'memberships', 'credits', 'webhooks'] as const;

export const discoveryHandlers: HandlerGroup = (deps) => {
  // Read once: parsing the bundled spec on every request would cost more than the answer.
  const specVersion = loadSpec().info.version;
  return {
    async getDiscovery() {
      const spaces = await deps.store.db.selectFrom('spaces').select(['id', 'document']).orderBy('id').limit(1000).execute();
      return {
        specVersion,
        apiBaseUrl: deps.config.publicUrl,
        spaces: spaces.map((row) => {
          const { name, timeZone } = JSON.parse(row.document);
          return { id: row.id, name, timeZone };
        }),
        features: [...features],
        server: { name: '@coworking-commons/server', version: '0.1.0' },
      };
    },
  };
};
