import type { Check } from '../context.ts';
import { describeResponse, expect, expectProblem, expectStatus } from '../failure.ts';
import { fixturePrefix } from '../fixtures.ts';
import type { Exchange } from '../types.ts';

const ruleViolation = 'urn:coworking-commons:problem:rule-violation';

export const membershipLifecycle: Check = {
  id: 'memberships.lifecycle',
  title: 'A membership starts active at its plan’s price, pauses and ends; a move the spec does not allow, an unknown plan and a change of an ended one are rule violations',
  feature: 'memberships',
  specSection: '/components/schemas/MembershipUpdate',
  needsStaffKey: true,
  async run(context) {
    const base = `/spaces/${encodeURIComponent(context.spaceId)}`;
    const runId = context.fixtures.runId;
    const space = await context.http.request('GET', base);
    expectStatus(space, 200, 'getSpace');
    const price = { amount: 12_300, currency: space.json?.currency };
    const plan = await context.http.request('POST', `${base}/plans`, { staff: true, body: { name: `${fixturePrefix}plan-${runId}`, price, period: 'month' } });
    expectStatus(plan, 201, 'createPlan (a monthly plan)');
    const member = await context.http.request('POST', `${base}/staff/members`, {
      staff: true,
      body: { email: `conformance+membership-${runId}@example.org`, displayName: `${fixturePrefix}membership-${runId}`, status: 'active', directoryConsent: false },
    });
    try {
      expectStatus(member, 201, 'createMember (the membership’s holder)');
      const holder = { type: 'member', id: member.json?.id };
      const unknown = await context.http.request('POST', `${base}/staff/memberships`, { staff: true, body: { holder, planId: `pl_${runId}missing` } });
      expectProblem(unknown, 422, ruleViolation, 'createMembership of a plan that does not exist');
      expect(unknown.json?.code === 'unknown_plan', 'the rule violation must name its rule', 'code unknown_plan', describeResponse(unknown), [unknown]);

      const created = await context.http.request('POST', `${base}/staff/memberships`, { staff: true, body: { holder, planId: plan.json?.id } });
      expectStatus(created, 201, 'createMembership (the fixture member, the fixture plan, from today)');
      const started = created.json;
      expect(started?.status === 'active' && started?.planId === plan.json?.id && started?.holder?.id === holder.id, 'a membership started by staff is active, of its plan and holder', `status active, planId ${plan.json?.id}, holder ${holder.id}`, describeResponse(created), [created]);
      expect(started?.price?.amount === price.amount && started?.price?.currency === price.currency, 'a membership is at its plan’s price', JSON.stringify(price), describeResponse(created), [plan, created]);
      expect(typeof created.responseHeaders.etag === 'string', 'a created membership answers its ETag', 'an ETag header', describeResponse(created), [created]);
      const path = `${base}/staff/memberships/${encodeURIComponent(started.id)}`;

      const read = await context.http.request('GET', path, { staff: true });
      expectStatus(read, 200, 'getMembership');
      expect(read.json?.id === started.id && read.json?.status === 'active', 'the membership reads back as created', `id ${started.id}, status active`, describeResponse(read), [read]);

      const change = async (body: object, what: string, status = 200): Promise<Exchange> => {
        const answer = await context.http.request('PATCH', path, { staff: true, body });
        if (status === 200) expectStatus(answer, 200, what);
        return answer;
      };
      const paused = await change({ status: 'paused' }, 'updateMembership status paused (pause)');
      expect(paused.json?.status === 'paused', 'a paused membership says so', 'status paused', describeResponse(paused), [paused]);
      const refused = await change({ status: 'refused' }, 'updateMembership paused → refused', 422);
      expectProblem(refused, 422, ruleViolation, 'updateMembership paused → refused, a move the spec does not allow');
      expect(refused.json?.code === 'status_transition', 'the rule violation must name its rule', 'code status_transition', describeResponse(refused), [refused]);
      const ended = await change({ status: 'ended' }, 'updateMembership status ended (end today)');
      expect(ended.json?.status === 'ended', 'an ended membership says so', 'status ended', describeResponse(ended), [ended]);
      const replanned = await change({ planId: plan.json?.id }, 'updateMembership planId of an ended membership', 422);
      expectProblem(replanned, 422, ruleViolation, 'updateMembership planId of an ended membership');
      expect(replanned.json?.code === 'not_running', 'the rule violation must name its rule', 'code not_running', describeResponse(replanned), [replanned]);
    } finally {
      const left: Exchange[] = [];
      if (member.status === 201) left.push(await context.http.request('DELETE', `${base}/staff/members/${encodeURIComponent(member.json.id)}`, { staff: true }));
      if (plan.status === 201) left.push(await context.http.request('DELETE', `${base}/plans/${encodeURIComponent(plan.json.id)}`, { staff: true }));
      const failed = left.filter((answer) => answer.status !== 204);
      expect(failed.length === 0, 'the fixture member and plan must be removed', 'deleteMember and deletePlan 204', failed.map(describeResponse).join('; '), failed);
    }
  },
};
