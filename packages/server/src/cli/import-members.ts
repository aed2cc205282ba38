import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadDatabaseUrl } from '../config.ts';
import { CommandError, configFlags, databaseOption, UsageError, type Command } from './command.ts';
import { describeDatabase, reasonOf, withStore } from './store.ts';

export const importMembersCommand: Command = {
  name: 'import-members',
  summary: "Create a space's members from a CSV file (Cobot's, Nexudus's or a spreadsheet's export)",
  synopsis: '--space <id> --from <file.csv> [--dry-run] [--database <url|file>]',
  description: [
    'Reads members from a CSV file (an export of Cobot, Nexudus or a spreadsheet) with a header',
    'line: the name (or first name and last name), the email, and optionally the company, the plan',
    'and the start date, in English or French (name, nom, prénom, e-mail, courriel, company,',
    'société, plan, tariff, forfait, start date, member since, date de début…), separated by commas',
    'or semicolons. Each row is checked first: an',
    'email already a member or twice in the file, a plan the space does not have, a date that is',
    'none (write 2026-03-31 or 31/03/2026) or after today refuse that row, with its line and why.',
    'The other rows are created in one transaction: the member, active, a member since the start',
    'date; the organisation of their company (found by name, or created); and, with a plan, an',
    'active membership of it from the start date (today without one). Subscribed tools receive',
    'member.created and membership.created. Nobody is mailed: members sign in with their email.',
    '--dry-run lists what would be created and what is refused, and writes nothing.',
    'Exit code 1 when a row is refused (the others are created all the same, unless --dry-run).',
  ].join('\n'),
  options: {
    space: { type: 'string', value: '<id>', description: 'The space the members join.' },
    from: { type: 'string', value: '<file.csv>', description: 'The CSV file, UTF-8, with a header line.' },
    'dry-run': { type: 'boolean', description: 'Only say what would be created and what is refused.' },
    database: databaseOption,
  },
  notes: 'Example:\n  coworking-commons import-members --space my-space --from members.csv --dry-run',
  async run(values) {
    if (typeof values.space !== 'string') throw new UsageError('--space <id> is required');
    if (typeof values.from !== 'string') throw new UsageError('--from <file.csv> is required');
    const source = resolve(values.from);
    let text: string;
    try {
      text = readFileSync(source, 'utf8');
    } catch (error) {
      throw new CommandError(`cannot read ${source}: ${reasonOf(error)}`);
    }
    const url = loadDatabaseUrl(configFlags(values));
    const [{ planMemberImport, applyMemberImport, MembersFileRefused }, { loadSpace }] = await Promise.all([import('../portability/members-csv.ts'), import('../services/spaces.ts')]);
    const dryRun = values['dry-run'] === true;
    return withStore(url, async (store) => {
      const deps = { store, now: () => new Date(), webhooks: { notify: () => {} } };
      const loaded = await loadSpace(deps, String(values.space));
      if (!loaded) throw new CommandError(`${describeDatabase(url)} has no space "${values.space}"`);
      let plan;
      try {
        plan = await planMemberImport(store.db, loaded.space, text, deps.now());
      } catch (error) {
        if (error instanceof MembersFileRefused) throw new CommandError(`cannot import ${source}: ${error.message}`);
        throw error;
      }
      const read = Object.entries(plan.columns).map(([field, column]) => `${field} from "${column}"`).join(', ');
      console.log(`Read ${source}: ${read}.`);
      for (const member of plan.members) {
        const parts = [`line ${member.line}: ${member.displayName} <${member.email}>`];
        if (member.organisation) parts.push(member.organisation.id ? `of ${member.organisation.name}` : `of ${member.organisation.name} (a new organisation)`);
        if (member.plan) parts.push(`plan ${member.plan.name} from ${member.startDate ?? 'today'}`);
        else if (member.startDate) parts.push(`a member since ${member.startDate}`);
        console.log(`  ${parts.join(', ')}`);
      }
      for (const refusal of plan.refused) console.log(`  line ${refusal.line}: refused: ${refusal.reason}`);
      const memberships = plan.members.filter((member) => member.plan).length;
      const summary = `${plan.members.length} member${plan.members.length === 1 ? '' : 's'} (${memberships} with a membership), ${plan.newOrganisations.length} new organisation${plan.newOrganisations.length === 1 ? '' : 's'}; ${plan.refused.length} row${plan.refused.length === 1 ? '' : 's'} refused`;
      if (dryRun) {
        console.log(`Dry run, nothing written: would create ${summary}.`);
      } else {
        try {
          await applyMemberImport(deps, loaded.space, plan);
        } catch (error) {
          throw new CommandError(`cannot import ${source}: ${reasonOf(error)}; nothing was written`);
        }
        console.log(`Created ${summary}, in ${describeDatabase(url)}.`);
      }
      return plan.refused.length > 0 ? 1 : 0;
    });
  },
};
