import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import {
  createMembership,
  createOrganisation,
  createPlan,
  deleteMember,
  deleteOrganisation,
  getMember,
  getOrganisation,
  listOrganisations,
  updateMember,
  updateMembership,
  updateOrganisation,
} from '@coworking-commons/client';
import { issueApiKey } from '../src/services/api-keys.ts';
import { assertProblem, fail } from './support/booking-fixtures.ts';
import { testDatabases } from './support/databases.ts';
import { seedSpace, spaceFixture } from './support/fixtures.ts';
import { memberWithToken } from './support/rows.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

for (const kind of testDatabases()) {
  describe(`organisations (${kind})`, () => {
    let server: TestServer;
    let staffKey: string;
    let readKey: string;
    let memberToken: string;
    let memberId: string;
    const spaceId = 'la-ruche';
    const path = { spaceId };
    const staff = () => server.client(staffKey);
    const auditCount = async (resourceId: string) =>
      (await server.store.db.selectFrom('audit_log').select('operation').where('resource_id', '=', resourceId).execute()).map((row) => row.operation);

    before(async () => {
      server = await startTestServer(kind, { now: '2026-12-01T07:00:00Z' });
      ({ staffKey } = await seedSpace(server));
      await seedSpace(server, spaceFixture('le-phare'));
      readKey = (await issueApiKey(server.deps, spaceId, 'Read only', { scopes: ['read'] })).secret;
      ({ token: memberToken, memberId } = await memberWithToken(server, spaceId));
    });

    test('staff create an organisation: an id, its fields, memberCount 0, version 1, ETag and Location; anyone with staff rights reads it', async () => {
      const response = await createOrganisation(staff(), {
        path,
        body: {
          name: 'Studio Lumen',
          legalName: 'Studio Lumen SARL',
          registrationNumber: '123 456 789 00012',
          vatNumber: 'FR12345678901',
          billingEmail: 'compta@studio-lumen.example',
          address: { street: '12 quai de Valmy', locality: 'Paris', postalCode: '75010', country: 'FR' },
        },
      });
      assert.equal(response.status, 201);
      const organisation = response.data;
      assert.match(organisation.id, /^or_[A-Za-z0-9]+$/);
      assert.equal(response.headers.get('location'), `${server.deps.config.publicUrl}/spaces/la-ruche/staff/organisations/${organisation.id}`);
      assert.equal(response.headers.get('etag'), '"1"');
      assert.deepEqual(organisation, {
        id: organisation.id,
        name: 'Studio Lumen',
        legalName: 'Studio Lumen SARL',
        registrationNumber: '123 456 789 00012',
        vatNumber: 'FR12345678901',
        billingEmail: 'compta@studio-lumen.example',
        address: { street: '12 quai de Valmy', locality: 'Paris', postalCode: '75010', country: 'FR' },
        memberCount: 0,
        createdAt: '2026-12-01T07:00:00.000Z',
        updatedAt: '2026-12-01T07:00:00.000Z',
        version: 1,
      });
      assert.deepEqual((await getOrganisation(staff(), { path: { spaceId, organisationId: organisation.id } })).data, organisation);
      assertProblem(await fail(getOrganisation(staff(), { path: { spaceId: 'le-phare', organisationId: organisation.id } })), 401, 'unauthorized');
      assert.deepEqual(await auditCount(organisation.id), ['createOrganisation']);
    });

    test('bad input is a validation problem with a pointer per field', async () => {
      const error = await fail(createOrganisation(staff(), { path, body: { name: '', vatNumber: '!!', billingEmail: 'nope', address: { street: 'x' } } as never }));
      assertProblem(error, 400, 'validation-error');
      assert.deepEqual(
        error.fieldErrors.map((f: { pointer: string }) => f.pointer).sort(),
        ['/address/country', '/address/locality', '/address/postalCode', '/billingEmail', '/name', '/vatNumber'],
      );
      const unknown = await fail(createOrganisation(staff(), { path, body: { name: 'X', siret: '1' } as never }));
      assertProblem(unknown, 400, 'validation-error');
      assert.deepEqual(unknown.fieldErrors.map((f: { pointer: string }) => f.pointer), ['/siret']);
    });

    test('who may: anonymous 401, a member 403, a key without the members scope 403', async () => {
      assertProblem(await fail(listOrganisations(server.client(), { path })), 401, 'unauthorized');
      assertProblem(await fail(listOrganisations(server.client(memberToken), { path })), 403, 'forbidden');
      assertProblem(await fail(createOrganisation(server.client(memberToken), { path, body: { name: 'Mine' } })), 403, 'forbidden');
      const error = await fail(createOrganisation(server.client(readKey), { path, body: { name: 'Read only' } }));
      assertProblem(error, 403, 'forbidden');
      assert.match(error.problem.detail, /"members" scope/);
      assertProblem(await fail(listOrganisations(server.client(readKey), { path })), 403, 'forbidden');
    });

    test('update: fields present replace theirs, null removes one, If-Match is optional and a stale one is refused', async () => {
      const { data: created } = await createOrganisation(staff(), { path, body: { name: 'Atelier', billingEmail: 'a@example.org', vatNumber: 'FR1' } });
      const organisationId = created.id;
      server.clock.advance(60_000);
      const changed = await updateOrganisation(staff(), { path: { spaceId, organisationId }, body: { name: 'Atelier Vélo', vatNumber: null } });
      assert.equal(changed.headers.get('etag'), '"2"');
      const { vatNumber: _removed, ...kept } = created;
      assert.deepEqual(changed.data, { ...kept, name: 'Atelier Vélo', updatedAt: '2026-12-01T07:01:00.000Z', version: 2 });
      assertProblem(await fail(updateOrganisation(staff(), { path: { spaceId, organisationId }, header: { 'If-Match': '"1"' }, body: { name: 'Stale' } })), 412, 'precondition-failed');
      const fresh = await updateOrganisation(staff(), { path: { spaceId, organisationId }, header: { 'If-Match': '"2"' }, body: { legalName: 'Atelier Vélo SAS' } });
      assert.equal(fresh.data.version, 3);
      assert.equal((await getOrganisation(staff(), { path: { spaceId, organisationId } })).data.name, 'Atelier Vélo');
      assertProblem(await fail(updateOrganisation(staff(), { path: { spaceId, organisationId: 'or_nowhere' }, body: { name: 'x' } })), 404, 'not-found');
      assert.deepEqual(await auditCount(organisationId), ['createOrganisation', 'updateOrganisation', 'updateOrganisation']);
    });

    test('members are linked by staff through updateMember; the count follows; an unknown organisation is a rule violation', async () => {
      const { data: organisation } = await createOrganisation(staff(), { path, body: { name: 'Coopérative' } });
      const linked = await updateMember(staff(), { path: { spaceId, memberId }, body: { organisationId: organisation.id } });
      assert.equal(linked.data.organisationId, organisation.id);
      assert.equal((await getMember(staff(), { path: { spaceId, memberId } })).data.organisationId, organisation.id);
      assert.equal((await getOrganisation(staff(), { path: { spaceId, organisationId: organisation.id } })).data.memberCount, 1);
      assertProblem(await fail(updateMember(staff(), { path: { spaceId, memberId }, body: { organisationId: 'or_nowhere' } })), 422, 'rule-violation', 'unknown_organisation');

      // Refused while a member belongs to it.
      assertProblem(await fail(deleteOrganisation(staff(), { path: { spaceId, organisationId: organisation.id } })), 409, 'conflict');
      const unlinked = await updateMember(staff(), { path: { spaceId, memberId }, body: { organisationId: null } });
      assert.equal('organisationId' in unlinked.data, false);

      // Refused while it holds a running membership; allowed once that membership has ended.
      const { data: plan } = await createPlan(staff(), { path, body: { name: 'Équipe', price: { amount: 90000, currency: 'EUR' }, period: 'month' } });
      const { data: membership } = await createMembership(staff(), { path, body: { holder: { type: 'organisation', id: organisation.id }, planId: plan.id } });
      assertProblem(await fail(deleteOrganisation(staff(), { path: { spaceId, organisationId: organisation.id } })), 409, 'conflict');
      await updateMembership(staff(), { path: { spaceId, membershipId: membership.id }, body: { status: 'ended' } });
      const deleted = await deleteOrganisation(staff(), { path: { spaceId, organisationId: organisation.id } });
      assert.equal(deleted.status, 204);
      assertProblem(await fail(getOrganisation(staff(), { path: { spaceId, organisationId: organisation.id } })), 404, 'not-found');
      assertProblem(await fail(deleteOrganisation(staff(), { path: { spaceId, organisationId: organisation.id } })), 404, 'not-found');
      assert.deepEqual(await auditCount(organisation.id), ['createOrganisation', 'deleteOrganisation']);
    });

    test('erasing a member unlinks them from their organisation', async () => {
      const { data: organisation } = await createOrganisation(staff(), { path, body: { name: 'Éphémère' } });
      const { memberId: leaving } = await memberWithToken(server, spaceId);
      await updateMember(staff(), { path: { spaceId, memberId: leaving }, body: { organisationId: organisation.id } });
      assert.equal((await getOrganisation(staff(), { path: { spaceId, organisationId: organisation.id } })).data.memberCount, 1);
      await deleteMember(staff(), { path: { spaceId, memberId: leaving } });
      assert.equal((await getOrganisation(staff(), { path: { spaceId, organisationId: organisation.id } })).data.memberCount, 0);
      assert.equal((await deleteOrganisation(staff(), { path: { spaceId, organisationId: organisation.id } })).status, 204);
    });

    test('listing: by name, page by page with cursors, only this space’s', async () => {
      await createOrganisation(staff(), { path, body: { name: 'Zèbre & Cie' } });
      await createOrganisation(staff(), { path, body: { name: 'Atelier Bois' } });
      await createOrganisation(server.client((await seedSpace(server, spaceFixture('l-ile'))).staffKey), { path: { spaceId: 'l-ile' }, body: { name: 'Ailleurs' } });
      const { data: all } = await listOrganisations(staff(), { path, query: { limit: 100 } });
      assert.ok(!all.items.some((o) => o.name === 'Ailleurs'));
      const names = all.items.map((o) => o.name);
      assert.deepEqual(names, [...names].sort());
      assert.ok(names.length >= 3);
      const first = await listOrganisations(staff(), { path, query: { limit: 2 } });
      assert.equal(first.data.items.length, 2);
      assert.ok(first.data.nextCursor);
      const rest = await listOrganisations(staff(), { path, query: { limit: 100, cursor: first.data.nextCursor } });
      assert.deepEqual([...first.data.items, ...rest.data.items].map((o) => o.id), all.items.map((o) => o.id));
      assertProblem(await fail(listOrganisations(staff(), { path, query: { cursor: 'WzFd' } })), 400, 'validation-error');
      assert.equal(server.violations.length, 0, JSON.stringify(server.violations));
    });
  });
}
