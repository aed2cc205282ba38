import { randomUUID } from 'node:crypto';
import type { Check } from '../context.ts';
import { describeResponse, expect, expectProblem, expectStatus } from '../failure.ts';
import { fixturePrefix } from '../fixtures.ts';

export const creditLedger: Check = {
  id: 'credits.ledger',
  title: 'A staff adjustment is an entry of the ledger and moves its balance; taking more than the balance and overdraft allow is insufficient-credits and writes nothing; 0 credits is invalid',
  feature: 'credits',
  specSection: '/components/schemas/CreditLedger',
  needsStaffKey: true,
  async run(context) {
    const base = `/spaces/${encodeURIComponent(context.spaceId)}`;
    const runId = context.fixtures.runId;
    const member = await context.http.request('POST', `${base}/staff/members`, {
      staff: true,
      body: { email: `conformance+credits-${runId}@example.org`, displayName: `${fixturePrefix}credits-${runId}`, status: 'active', directoryConsent: false },
    });
    expectStatus(member, 201, 'createMember (the ledger’s holder)');
    const path = `${base}/staff/members/${encodeURIComponent(member.json?.id)}/credits`;
    // Each adjustment is its own, under a key of its own (the operation requires one).
    const adjust = (amount: number, reason: string) => context.http.request('POST', path, { staff: true, headers: { 'idempotency-key': `${fixturePrefix}${randomUUID()}` }, body: { amount, reason } });
    try {
      const before = await context.http.request('GET', path, { staff: true });
      expectStatus(before, 200, 'getMemberCredits of a new member');
      const { balance, overdraft } = before.json ?? {};
      expect(Number.isInteger(balance) && Number.isInteger(overdraft) && before.json?.holder?.id === member.json?.id, 'the ledger names its holder, balance and overdraft', `holder ${member.json?.id}, integer balance and overdraft`, describeResponse(before), [before]);

      const reason = `${fixturePrefix}goodwill-${runId}`;
      const added = await adjust(5, reason);
      expectStatus(added, 201, 'adjustMemberCredits +5');
      expect(added.json?.kind === 'adjustment' && added.json?.amount === 5 && added.json?.reason === reason, 'the adjustment answers its entry', `kind adjustment, amount 5, reason ${reason}`, describeResponse(added), [added]);
      const after = await context.http.request('GET', path, { staff: true });
      expectStatus(after, 200, 'getMemberCredits after +5');
      expect(after.json?.balance === balance + 5, 'an adjustment moves the balance by its amount', `balance ${balance + 5}`, describeResponse(after), [before, added, after]);
      expect(after.json?.items?.[0]?.id === added.json?.id, 'the ledger lists its entries newest first', `first entry ${added.json?.id}`, describeResponse(after), [after]);

      const tooMuch = -(balance + 5 + overdraft + 1);
      const refused = await adjust(tooMuch, reason);
      expectProblem(refused, 422, 'urn:coworking-commons:problem:insufficient-credits', `adjustMemberCredits ${tooMuch}, one more than the balance and overdraft allow`);
      const unchanged = await context.http.request('GET', path, { staff: true });
      expectStatus(unchanged, 200, 'getMemberCredits after the refused adjustment');
      expect(unchanged.json?.balance === balance + 5 && unchanged.json?.items?.[0]?.id === added.json?.id, 'a refused adjustment writes nothing', `balance ${balance + 5}, newest entry ${added.json?.id}`, describeResponse(unchanged), [refused, unchanged]);

      const zero = await adjust(0, reason);
      expectProblem(zero, 400, 'urn:coworking-commons:problem:validation-error', 'adjustMemberCredits of 0 credits');
    } finally {
      const deleted = await context.http.request('DELETE', `${base}/staff/members/${encodeURIComponent(member.json?.id)}`, { staff: true });
      expect(deleted.status === 204, 'the fixture member must be removed', 'deleteMember 204', describeResponse(deleted), [deleted]);
    }
  },
};
