import { loadAllowedOrigins, loadDatabaseUrl } from '../config.ts';
import { configFlags, databaseOption, UsageError, type Command } from './command.ts';
import { describeDatabase, withStore } from './store.ts';

export const seedCommand: Command = {
  name: 'seed',
  summary: 'Create the demo space "La Ruche" with its members and events',
  synopsis: '--demo [--database <url|file>]',
  description: [
    'Creates the bilingual (French and English) demo space "La Ruche" (la-ruche), in Nantes:',
    'desks, meeting rooms, a phone booth and an event space with their prices, membership plans,',
    'about thirty members, a few bookings and a month of events from today, and a staff API key',
    'printed once. It migrates the database first. Seeding is idempotent: when the space exists',
    'already, nothing is changed.',
  ].join('\n'),
  options: {
    demo: { type: 'boolean', description: 'Seed the demo space (the only seed there is, for now; required).' },
    database: databaseOption,
    'allowed-origins': { type: 'string', value: '<origins>', description: 'Comma-separated browser origins the demo space allows (default: local Vite and Storybook servers).', env: 'ALLOWED_ORIGINS' },
  },
  async run(values) {
    if (!values.demo) throw new UsageError('say what to seed: --demo (the demo space "La Ruche")');
    const flags = configFlags(values);
    const url = loadDatabaseUrl(flags);
    const allowedOrigins = loadAllowedOrigins(flags);
    const { seedDemo } = await import('../seed/demo.ts');
    return withStore(url, async (store) => {
      const result = await seedDemo({ store, now: () => new Date() }, { allowedOrigins });
      if (!result.created) {
        console.log(`The demo space "${result.name}" (${result.spaceId}) already exists in ${describeDatabase(url)}; nothing was changed.`);
        return 0;
      }
      console.log(`Created the demo space "${result.name}" (${result.spaceId}) in ${describeDatabase(url)}: ${result.summary}.`);
      console.log(`Staff API key, shown only this once (keep it): ${result.staffKey}`);
      console.log(`Members sign in with a one-time code, e.g. ${result.sampleMemberEmail}; without SMTP_URL the server writes the code to its log.`);
      console.log(`Staff sign in the same way: the admin ${result.adminEmail}, the staff person ${result.staffEmail}.`);
      return 0;
    });
  },
};
