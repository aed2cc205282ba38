import type { Check } from '../context.ts';
import { CheckSkipped, describeResponse, expect, expectProblem, expectStatus } from '../failure.ts';
import { fixturePrefix } from '../fixtures.ts';
import type { Exchange } from '../types.ts';

export const directoryConsent: Check = {
  id: 'directory.consent',
  title: 'A member who has not consented to the directory is never in it: not listed, no card (404)',
  feature: 'member-directory',
  specSection: '/components/schemas/MemberCard',
  needsStaffKey: true,
  async run(context) {
    const base = `/spaces/${encodeURIComponent(context.spaceId)}`;
    const space = await context.http.request('GET', base);
    expectStatus(space, 200, 'getSpace');
    const visibility = space.json?.policies?.directoryVisibility;
    // Only a directory the public may read can be read by the suite as anyone: others are the staff's and members' business.
    if (visibility !== 'public') throw new CheckSkipped(`the space's directory is not public (directoryVisibility ${visibility})`);
    const runId = context.fixtures.runId;
    const created = await context.http.request('POST', `${base}/staff/members`, {
      staff: true,
      body: { email: `conformance+member-${runId}@example.org`, displayName: `${fixturePrefix}member-${runId}`, status: 'active', directoryConsent: false },
    });
    expectStatus(created, 201, 'createMember (active, directoryConsent false) as staff');
    const id = created.json?.id;
    try {
      const pages: Exchange[] = [];
      const listed: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await context.http.request('GET', `${base}/members`, { query: { limit: 100, cursor } });
        pages.push(page);
        expectStatus(page, 200, 'listMemberCards without credentials (the directory is public)');
        listed.push(...(page.json?.items ?? []).map((card: any) => card.id));
        cursor = page.json?.nextCursor ?? undefined;
      } while (cursor && pages.length < 50);
      expect(!listed.includes(id), 'a member without directory consent must not be listed', `no card with id ${id}`, `listed: ${id}`, [created, ...pages]);
      const card = await context.http.request('GET', `${base}/members/${encodeURIComponent(id)}`);
      expectProblem(card, 404, 'urn:coworking-commons:problem:not-found', 'getMemberCard of a member without directory consent');
    } finally {
      const deleted = await context.http.request('DELETE', `${base}/staff/members/${encodeURIComponent(id)}`, { staff: true });
      expect(deleted.status === 204, 'the fixture member must be removed', 'deleteMember 204', describeResponse(deleted), [deleted]);
    }
  },
};
