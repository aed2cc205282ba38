import { loadDatabaseUrl } from '../config.ts';
import { CommandError, configFlags, databaseOption, UsageError, type Command } from './command.ts';
import { describeDatabase, withStore } from './store.ts';

const weekdays = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'] as const;

export const createSpaceCommand: Command = {
  name: 'create-space',
  summary: 'Create a space (then a staff key for it) to start from',
  synopsis: '--id <slug> --name <name> [--time-zone <zone>] [--currency <code>] [--languages <tags>] [--database <url|file>]',
  description: [
    'Creates an empty space: open Monday to Friday 09:00–18:00, guests allowed, the directory',
    'visible to members. Then create a staff key (create-api-key) and describe the space through',
    'the API: updateSpace (PATCH /spaces/{id}) for its hours, address and policies, createResource',
    'for what can be booked, createPlan and createEvent.',
  ].join('\n'),
  options: {
    id: { type: 'string', value: '<slug>', description: 'The space\'s id, also its slug in URLs: lowercase letters, digits and dashes (le-phare).' },
    name: { type: 'string', value: '<name>', description: 'Its name, as people know it.' },
    'time-zone': { type: 'string', value: '<zone>', description: 'Its IANA time zone (default Europe/Paris).' },
    currency: { type: 'string', value: '<code>', description: 'Its ISO 4217 currency (default EUR).' },
    languages: { type: 'string', value: '<tags>', description: 'Comma-separated language tags, the first the default (default fr,en).' },
    'allowed-origins': { type: 'string', value: '<origins>', description: 'Comma-separated browser origins allowed to call its API (the space\'s website).' },
    database: databaseOption,
  },
  notes: 'Example:\n  coworking-commons create-space --id le-phare --name "Le Phare" --allowed-origins https://lephare.example',
  async run(values) {
    const id = values.id as string | undefined;
    const name = (values.name as string | undefined)?.trim();
    const timeZone = (values['time-zone'] as string | undefined) ?? 'Europe/Paris';
    const currency = (values.currency as string | undefined) ?? 'EUR';
    const languages = ((values.languages as string | undefined) ?? 'fr,en').split(',').map((l) => l.trim()).filter(Boolean);
    const origins = ((values['allowed-origins'] as string | undefined) ?? '').split(',').map((o) => o.trim()).filter(Boolean);
    if (id === undefined || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id) || id.length < 2 || id.length > 64) {
      throw new UsageError('--id must be 2 to 64 lowercase letters, digits and dashes, such as le-phare');
    }
    if (!name || name.length > 120) throw new UsageError('--name is required, at most 120 characters');
    if (!Intl.supportedValuesOf('timeZone').includes(timeZone) && timeZone !== 'UTC') throw new UsageError(`--time-zone must be an IANA time zone such as Europe/Paris, not "${timeZone}"`);
    if (!/^[A-Z]{3}$/.test(currency)) throw new UsageError(`--currency must be an ISO 4217 code such as EUR, not "${currency}"`);
    if (languages.length === 0 || languages.some((l) => !/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(l))) throw new UsageError('--languages must be language tags such as fr,en');
    for (const origin of origins) {
      if (!/^https?:\/\/[^/]+$/.test(origin)) throw new UsageError(`--allowed-origins takes origins such as https://lephare.example (no path), not "${origin}"`);
    }
    const url = loadDatabaseUrl(configFlags(values));
    return withStore(url, async (store) => {
      const existing = await store.db.selectFrom('spaces').select('id').where('id', '=', id).executeTakeFirst();
      if (existing) throw new CommandError(`there is already a space "${id}" in ${describeDatabase(url)}`);
      const { saveSpace } = await import('../services/spaces.ts');
      const now = new Date();
      await saveSpace(
        { store, now: () => now } as never,
        {
          id,
          name,
          timeZone,
          currency,
          languages,
          openingHours: weekdays.map((day) => ({ day, opens: '09:00', closes: '18:00' })),
          closures: [],
          amenities: [],
          images: [],
          policies: {
            guestBookingAllowed: true,
            cancellationNotice: 'PT24H',
            directoryVisibility: 'members',
            halfDays: { morning: { start: '09:00', end: '13:00' }, afternoon: { start: '13:00', end: '18:00' } },
          },
          updatedAt: now.toISOString(),
        } as never,
        origins,
      );
      console.log(`Created the space "${name}" (${id}). Next: coworking-commons create-api-key --space ${id} --name "Staff"`);
      return 0;
    });
  },
};
