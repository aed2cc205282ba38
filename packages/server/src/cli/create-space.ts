import { createInterface } from 'node:readline/promises';
import { loadDatabaseUrl } from '../config.ts';
import { CommandError, configFlags, databaseOption, UsageError, type Command } from './command.ts';
import { describeDatabase, withStore } from './store.ts';

const weekdays = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'] as const;

export const createSpaceCommand: Command = {
  name: 'create-space',
  summary: 'Create a space and its first admin to start from',
  synopsis: '--id <slug> --name <name> [--admin-email <email>] [--admin-name <name>] [--time-zone <zone>] [--currency <code>] [--languages <tags>] [--database <url|file>]',
  description: [
    'Creates an empty space: open Monday to Friday 09:00–18:00, guests allowed, the directory',
    'visible to members, and its first admin, who signs in with a one-time code sent to their',
    'email (asked for when --admin-email is left out and the terminal is interactive). Then describe',
    'the space through the API, signed in as the admin or with a staff key (create-api-key):',
    'updateSpace (PATCH /spaces/{id}) for its hours, address and policies, createResource for what',
    'can be booked, createPlan and createEvent.',
  ].join('\n'),
  options: {
    id: { type: 'string', value: '<slug>', description: 'The space\'s id, also its slug in URLs: lowercase letters, digits and dashes (le-phare).' },
    name: { type: 'string', value: '<name>', description: 'Its name, as people know it.' },
    'admin-email': { type: 'string', value: '<email>', description: 'The email of the space\'s first admin, who manages roles and API keys.' },
    'admin-name': { type: 'string', value: '<name>', description: 'The admin\'s name as people see it (default: the email\'s part before @).' },
    'time-zone': { type: 'string', value: '<zone>', description: 'Its IANA time zone (default Europe/Paris).' },
    currency: { type: 'string', value: '<code>', description: 'Its ISO 4217 currency (default EUR).' },
    languages: { type: 'string', value: '<tags>', description: 'Comma-separated language tags, the first the default (default fr,en).' },
    'allowed-origins': { type: 'string', value: '<origins>', description: 'Comma-separated browser origins allowed to call its API (the space\'s website).' },
    database: databaseOption,
  },
  notes: 'Example:\n  coworking-commons create-space --id le-phare --name "Le Phare" --admin-email anne@lephare.example --allowed-origins https://lephare.example',
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
    const adminEmail = ((values['admin-email'] as string | undefined) ?? (await askAdminEmail()))?.trim().toLowerCase();
    if (adminEmail !== undefined && (adminEmail.length > 254 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(adminEmail))) throw new UsageError(`--admin-email must be an email address, not "${adminEmail}"`);
    const adminName = ((values['admin-name'] as string | undefined) ?? adminEmail?.split('@')[0] ?? '').trim();
    if (adminEmail !== undefined && (adminName.length === 0 || adminName.length > 120)) throw new UsageError('--admin-name must be 1 to 120 characters');
    const url = loadDatabaseUrl(configFlags(values));
    return withStore(url, async (store) => {
      const existing = await store.db.selectFrom('spaces').select('id').where('id', '=', id).executeTakeFirst();
      if (existing) throw new CommandError(`there is already a space "${id}" in ${describeDatabase(url)}`);
      const { saveSpace } = await import('../services/spaces.ts');
      const { createMember } = await import('../services/members.ts');
      const now = new Date();
      // The space and its admin are made together, or neither is.
      await store.db.transaction().execute(async (trx) => {
        const inTransaction = { store: { ...store, db: trx }, now: () => now } as never;
        await saveSpace(
          inTransaction,
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
        if (adminEmail !== undefined) await createMember(inTransaction, id, { email: adminEmail, displayName: adminName, role: 'admin' });
      });
      console.log(`Created the space "${name}" (${id}).`);
      if (adminEmail !== undefined) {
        console.log(`Its admin ${adminEmail} signs in with a one-time code sent by email (without SMTP_URL, the server writes it to its log).`);
      } else {
        console.log(`It has no admin yet: make one with a staff key (coworking-commons create-api-key --space ${id} --name "Setup"), POST /spaces/${id}/staff/members {"email": …, "displayName": …, "role": "admin"}.`);
      }
      console.log(`For integrations: coworking-commons create-api-key --space ${id} --name "Staff"`);
      return 0;
    });
  },
};

/** The admin's email, asked for on an interactive terminal; undefined otherwise (or when left empty). */
async function askAdminEmail(): Promise<string | undefined> {
  if (!process.stdin.isTTY || !process.stdout.isTTY) return undefined;
  const prompt = createInterface({ input: process.stdin, output: process.stdout });
  try {
    const answer = (await prompt.question("The first admin's email (they manage roles and API keys; empty for none): ")).trim();
    return answer === '' ? undefined : answer;
  } finally {
    prompt.close();
  }
}
