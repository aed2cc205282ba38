import { loadDatabaseUrl } from '../config.ts';
import { CommandError, configFlags, databaseOption, UsageError, type Command } from './command.ts';
import { describeDatabase, withStore } from './store.ts';

export const createApiKeyCommand: Command = {
  name: 'create-api-key',
  summary: "Create a staff API key for a space and print its secret once",
  synopsis: '--space <id> --name <name> [--database <url|file>]',
  description: [
    "Creates a staff API key of the space and prints its secret on standard output, once: only a",
    'hash of it is stored. Send it as `Authorization: Bearer <secret>`. Keys can be listed and',
    'revoked through the API (/spaces/{spaceId}/staff/api-keys).',
  ].join('\n'),
  options: {
    space: { type: 'string', value: '<id>', description: 'The id (slug) of the space, for example la-ruche.' },
    name: { type: 'string', value: '<name>', description: 'What the key is for: a person, an integration, a script (1 to 100 characters).' },
    database: databaseOption,
  },
  notes: 'Example:\n  STAFF_KEY=$(coworking-commons create-api-key --space la-ruche --name "Front desk")',
  async run(values) {
    const spaceId = values.space as string | undefined;
    const name = (values.name as string | undefined)?.trim();
    if (spaceId === undefined) throw new UsageError('--space <id> is required');
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(spaceId) || spaceId.length > 64) throw new UsageError(`--space must be a space id such as la-ruche (lowercase letters, digits and dashes), not "${spaceId}"`);
    if (name === undefined) throw new UsageError('--name <name> is required');
    if (name.length > 100) throw new UsageError(`--name must be at most 100 characters, not ${name.length}`);
    const url = loadDatabaseUrl(configFlags(values));
    return withStore(url, async (store) => {
      const space = await store.db.selectFrom('spaces').select('id').where('id', '=', spaceId).executeTakeFirst();
      if (!space) {
        throw new CommandError(`there is no space "${spaceId}" in ${describeDatabase(url)}; create one first (\`coworking-commons seed --demo\` creates la-ruche)`);
      }
      const { issueApiKey } = await import('../services/api-keys.ts');
      const { apiKey, secret } = await issueApiKey({ store, now: () => new Date() }, spaceId, name);
      console.error(`Created the staff API key "${apiKey.name}" (${apiKey.id}) of ${spaceId}. Its secret, shown only this once:`);
      console.log(secret);
      return 0;
    });
  },
};
