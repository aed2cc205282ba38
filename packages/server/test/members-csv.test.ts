// `coworking-commons import-members`, run as an operator runs it, on both databases: a French
// spreadsheet's export (semicolons, a BOM, first and last names, European dates) into the demo
// space. The dry run lists what would be created and every refused row with why, and writes
// nothing; the import creates the members, their organisations and memberships, with their
// webhook events, in one go; run again, every row is refused as already there. A Cobot-like
// English export (commas, one name column) reads the same way.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { openStore, type Store } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { seedDemo } from '../src/seed/demo.ts';
import { addSubscription } from '../src/webhooks/subscriptions.ts';
import { createTestDatabase, testDatabases, type TestDatabase } from './support/databases.ts';
import { runCli } from './support/run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'cowork-members-csv-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const french = [
  '\uFEFFPrénom;Nom;E-mail;Société;Forfait;Date de début',
  'Léa;Martin;lea.martin@example.org;Watt Next;Nomade;31/03/2026',
  'Paul;Girard;Paul.Girard@Example.org;Atelier Lumière;;',
  'Nina;Roux;nina.roux@example.org;atelier lumière;Day pass;2026-01-05',
  'Omar;Sy;omar.sy@example.org;;;',
  'Zoé;Blanc;pas-un-email;;;',
  'Léa;Martin;lea.martin@example.org;;;',
  'Camille;Durand;camille.durand@example.org;;;',
  'Jules;Petit;jules.petit@example.org;;Gold;',
  'Emma;Faure;emma.faure@example.org;;;31/02/2026',
  'Hugo;Lenoir;hugo.lenoir@example.org;;;01/01/2999',
  ';;sans.nom@example.org;;;',
].join('\r\n');

interface Space {
  url: string;
  store: Store;
  database: TestDatabase;
}

async function demoDatabase(kind: 'sqlite' | 'postgres'): Promise<Space> {
  const database = await createTestDatabase(kind);
  const store = openStore(database.url);
  await migrateToLatest(store);
  await seedDemo({ store, now: () => new Date() });
  return { url: database.url, store, database };
}

const members = (store: Store) => store.db.selectFrom('members').select(['email', 'display_name', 'organisation_id', 'member_since']).where('space_id', '=', 'la-ruche').execute();

for (const kind of testDatabases()) {
  describe(`import-members (${kind})`, () => {
    test('a French spreadsheet: the dry run says what would be created and why rows are refused; the import creates them with their events', async () => {
      const space = await demoDatabase(kind);
      try {
        await addSubscription(space.store.db, { spaceId: 'la-ruche', url: 'https://hooks.example.org/members', eventTypes: ['member.created', 'membership.created'] }, 'development secret', new Date());
        const file = join(dir, `french-${kind}.csv`);
        writeFileSync(file, french);
        const before = await members(space.store);

        const dry = await runCli(['import-members', '--space', 'la-ruche', '--from', file, '--dry-run', '--database', space.url]);
        assert.equal(dry.code, 1, 'rows were refused');
        assert.match(dry.stdout, /email from "E-mail", firstName from "Prénom", lastName from "Nom", company from "Société", plan from "Forfait", startDate from "Date de début"/);
        const lines = dry.stdout.split('\n');
        const said = (pattern: RegExp) => assert.ok(lines.some((line) => pattern.test(line)), `the output says ${pattern}:\n${dry.stdout}`);
        said(/^  line 2: Léa Martin <lea\.martin@example\.org>, of Watt Next, plan Nomade from 2026-03-31$/);
        said(/^  line 3: Paul Girard <paul\.girard@example\.org>, of Atelier Lumière \(a new organisation\)$/);
        said(/^  line 4: Nina Roux <nina\.roux@example\.org>, of Atelier Lumière \(a new organisation\), plan Pass journée from 2026-01-05$/);
        said(/^  line 5: Omar Sy <omar\.sy@example\.org>$/);
        said(/^  line 6: refused: "pas-un-email" is not an email address$/);
        said(/^  line 7: refused: lea\.martin@example\.org is on line 2 already$/);
        said(/^  line 8: refused: camille\.durand@example\.org is a member of the space already$/);
        said(/^  line 9: refused: the space has no plan named "Gold" \(its plans: .*Nomade.*\)$/);
        said(/^  line 10: refused: "31\/02\/2026" is not a date \(write 2026-03-31 or 31\/03\/2026\)$/);
        said(/^  line 11: refused: the start date 2999-01-01 is after today$/);
        said(/^  line 12: refused: no name$/);
        assert.match(dry.stdout, /Dry run, nothing written: would create 4 members \(2 with a membership\), 1 new organisation; 7 rows refused\.\n$/);
        assert.deepEqual(await members(space.store), before, 'the dry run wrote nothing');

        const run = await runCli(['import-members', '--space', 'la-ruche', '--from', file, '--database', space.url]);
        assert.equal(run.code, 1, run.stderr);
        assert.match(run.stdout, /Created 4 members \(2 with a membership\), 1 new organisation; 7 rows refused, in /);
        const after = await members(space.store);
        assert.equal(after.length, before.length + 4);
        const lea = after.find((member) => member.email === 'lea.martin@example.org')!;
        const paul = after.find((member) => member.email === 'paul.girard@example.org')!;
        const nina = after.find((member) => member.email === 'nina.roux@example.org')!;
        assert.equal(lea.display_name, 'Léa Martin');
        assert.equal(lea.member_since, '2026-03-31');
        const watt = await space.store.db.selectFrom('organisations').select(['id', 'name']).where('space_id', '=', 'la-ruche').where('name', '=', 'Watt Next').executeTakeFirstOrThrow();
        assert.equal(lea.organisation_id, watt.id, 'the existing organisation');
        assert.ok(paul.organisation_id && paul.organisation_id === nina.organisation_id, 'one new organisation for the two spellings');
        const created = await space.store.db.selectFrom('organisations').select('name').where('id', '=', paul.organisation_id).executeTakeFirstOrThrow();
        assert.equal(created.name, 'Atelier Lumière');
        const held = await space.store.db
          .selectFrom('memberships')
          .innerJoin('members', 'members.id', 'memberships.holder_id')
          .select(['members.email', 'memberships.start_date', 'memberships.status'])
          .where('members.email', 'in', ['lea.martin@example.org', 'nina.roux@example.org', 'paul.girard@example.org'])
          .orderBy('members.email')
          .execute();
        assert.deepEqual(held.map((row) => ({ ...row })), [
          { email: 'lea.martin@example.org', start_date: '2026-03-31', status: 'active' },
          { email: 'nina.roux@example.org', start_date: '2026-01-05', status: 'active' },
        ]);
        const events = await space.store.db.selectFrom('webhook_deliveries').select('payload').where('space_id', '=', 'la-ruche').execute();
        const types = events.map((event) => JSON.parse(event.payload).type).toSorted();
        assert.deepEqual(types, ['member.created', 'member.created', 'member.created', 'member.created', 'membership.created', 'membership.created']);

        const again = await runCli(['import-members', '--space', 'la-ruche', '--from', file, '--database', space.url]);
        assert.equal(again.code, 1);
        assert.match(again.stdout, /line 5: refused: omar\.sy@example\.org is a member of the space already/);
        assert.match(again.stdout, /Created 0 members \(0 with a membership\), 0 new organisations; 11 rows refused/);
      } finally {
        await space.store.close();
        await space.database.drop();
      }
    });
  });
}

describe('import-members: other files', () => {
  test("a Cobot-like English export is read the same way; a file without an email column is refused in one line", async () => {
    const space = await demoDatabase('sqlite');
    try {
      const cobot = join(dir, 'cobot.csv');
      writeFileSync(cobot, 'Name,Email,Company,Plan,Start Date\n"Smith, Anna",anna.smith@example.com,"Smith & Co",Day pass,2026-02-01\nBen Lee,ben.lee@example.com,,,\n');
      const run = await runCli(['import-members', '--space', 'la-ruche', '--from', cobot, '--database', space.url]);
      assert.equal(run.code, 0, run.stdout + run.stderr);
      assert.match(run.stdout, /line 2: Smith, Anna <anna\.smith@example\.com>, of Smith & Co \(a new organisation\), plan Pass journée from 2026-02-01/);
      assert.match(run.stdout, /Created 2 members \(1 with a membership\), 1 new organisation; 0 rows refused/);

      const noEmail = join(dir, 'no-email.csv');
      writeFileSync(noEmail, 'Name,Phone\nAnna,0102030405\n');
      const refused = await runCli(['import-members', '--space', 'la-ruche', '--from', noEmail, '--database', space.url]);
      assert.equal(refused.code, 1);
      assert.match(refused.stderr, /^coworking-commons import-members: cannot import .*no-email\.csv: no column of the file holds the email \(its columns: Name, Phone; expected one named email, e-mail or courriel\)\n$/);
      const unknown = await runCli(['import-members', '--space', 'nowhere', '--from', cobot, '--database', space.url]);
      assert.equal(unknown.code, 1);
      assert.match(unknown.stderr, /has no space "nowhere"/);
    } finally {
      await space.store.close();
      await space.database.drop();
    }
  });
});
