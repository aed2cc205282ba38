import { loadDatabaseUrl } from '../config.ts';
import { scopes, type Scope } from '../domain/scopes.ts';
import { CommandError, configFlags, databaseOption, UsageError, type Command } from './command.ts';
import { describeDatabase, withStore } from './store.ts';

export const createApiKeyCommand: Command = {
  name: 'create-api-key',
  summary: "Create a staff API key for a space and print its secret once",
  synopsis: '--space <id> --name <name> [--scopes <scopes>] [--expires <instant>] [--database <url|file>]',
  description: [
    "Creates a staff API key of the space and prints its secret on standard output, once: only a",
    'hash of it is stored. Send it as `Authorization: Bearer <secret>`. Keys can be listed and',
    'revoked through the API (/spaces/{spaceId}/staff/api-keys). A key reaches only the operations',
    `whose scope it holds: ${scopes.join(', ')} (all of them unless --scopes says).`,
  ].join('\n'),
  options: {
    space: { type: 'string', value: '<id>', description: 'The id (slug) of the space, for example la-ruche.' },
    name: { type: 'string', value: '<name>', description: 'What the key is for: a person, an integration, a script (1 to 100 characters).' },
    scopes: { type: 'string', value: '<scopes>', description: `Comma-separated scopes the key holds (default: every scope, ${scopes.join(',')}).` },
    expires: { type: 'string', value: '<instant>', description: 'When the key stops working, as an RFC 3339 instant (2027-06-30T22:00:00Z); default never.' },
    database: databaseOption,
  },
  notes: 'Examples:\n  STAFF_KEY=$(coworking-commons create-api-key --space la-ruche --name "Front desk")\n  coworking-commons create-api-key --space la-ruche --name "Website" --scopes read,bookings --expires 2027-06-30T22:00:00Z',
  async run(values) {
    const spaceId = values.space as string | undefined;
    const name = (values.name as string | undefined)?.trim();
    if (spaceId === undefined) throw new UsageError('--space <id> is required');
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(spaceId) || spaceId.length > 64) throw new UsageError(`--space must be a space id such as la-ruche (lowercase letters, digits and dashes), not "${spaceId}"`);
    if (name === undefined) throw new UsageError('--name <name> is required');
    if (name.length > 100) throw new UsageError(`--name must be at most 100 characters, not ${name.length}`);
    const asked = (values.scopes as string | undefined)?.split(',').map((scope) => scope.trim()).filter(Boolean);
    if (asked !== undefined) {
      const unknown = asked.filter((scope) => !(scopes as readonly string[]).includes(scope));
      if (asked.length === 0 || unknown.length > 0) throw new UsageError(`--scopes takes comma-separated scopes among ${scopes.join(', ')}${unknown.length > 0 ? `, not "${unknown.join(', ')}"` : ''}`);
    }
    const expires = values.expires as string | undefined;
    const expiresAt = expires === undefined ? undefined : Date.parse(expires);
    if (expires !== undefined && (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(expires) || Number.isNaN(expiresAt))) {
      throw new UsageError(`--expires must be an RFC 3339 instant such as 2027-06-30T22:00:00Z, not "${expires}"`);
    }
    if (expiresAt !== undefined && expiresAt <= Date.now()) throw new UsageError('--expires must be in the future');
    const url = loadDatabaseUrl(configFlags(values));
    return withStore(url, async (store) => {
      const space = await store.db.selectFrom('spaces').select('id').where('id', '=', spaceId).executeTakeFirst();
      if (!space) {
        throw new CommandError(`there is no space "${spaceId}" in ${describeDatabase(url)}; create one first (\`coworking-commons seed --demo\` creates la-ruche)`);
      }
      const { issueApiKey } = await import('../services/api-keys.ts');
      const options = { ...(asked === undefined ? {} : { scopes: asked as Scope[] }), ...(expiresAt === undefined ? {} : { expiresAt }) };
      const { apiKey, secret } = await issueApiKey({ store, now: () => new Date() }, spaceId, name, options);
      const until = apiKey.expiresAt === undefined ? '' : `, until ${apiKey.expiresAt}`;
      console.error(`Created the staff API key "${apiKey.name}" (${apiKey.id}) of ${spaceId} (scopes ${apiKey.scopes.join(', ')}${until}). Its secret, shown only this once:`);
      console.log(secret);
      return 0;
    });
  },
};
