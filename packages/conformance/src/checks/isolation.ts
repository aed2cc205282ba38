// Isolation between callers, as far as HTTP alone reaches it. A member's token comes only from a
// sign-in code sent by email, which the suite cannot read, so it checks what a client can hold:
// a narrower staff key, and a guest's token.
import type { Check, Context } from '../context.ts';
import { CheckSkipped, describeResponse, expect, expectProblem, expectStatus } from '../failure.ts';
import { fixturePrefix } from '../fixtures.ts';
import type { Exchange } from '../types.ts';

const forbidden = 'urn:coworking-commons:problem:forbidden';
const unauthorized = 'urn:coworking-commons:problem:unauthorized';

/** Removes, as staff, what a key that should have been refused created anyway. */
async function undo(context: Context, answer: Exchange, path: string): Promise<void> {
  if (answer.status === 201 && typeof answer.json?.id === 'string') await context.http.request('DELETE', `${path}/${encodeURIComponent(answer.json.id)}`, { staff: true });
}

export const scopedKey: Check = {
  id: 'auth.scoped-key',
  title: 'A staff key holding only the read scope reads, is refused (403) every change, and stops working (401) once revoked',
  feature: 'staff-api',
  specSection: '/components/schemas/ApiKeyScope',
  needsStaffKey: true,
  async run(context) {
    const base = context.fixtures.base;
    const created = await context.http.request('POST', `${base}/staff/api-keys`, { staff: true, body: { name: `${fixturePrefix}read-key-${context.fixtures.runId}`, scopes: ['read'] } });
    if (created.status === 403) throw new CheckSkipped('the staff key given cannot create keys (it lacks the admin scope)');
    expectStatus(created, 201, 'createApiKey with scopes [read], as staff');
    const secret = created.json?.secret;
    expect(typeof secret === 'string' && created.json?.scopes?.join() === 'read', 'the created key must be answered with its secret and its one scope', 'secret and scopes [read]', describeResponse(created), [created]);
    context.fixtures.trackApiKey(created.json.id);
    const asKey = { authorization: `Bearer ${secret}` };

    const read = await context.http.request('GET', `${base}/bookings`, { headers: asKey, query: { limit: 1 } });
    expectStatus(read, 200, 'listBookings (scope read) with the read-only key');
    const resource = await context.http.request('POST', `${base}/resources`, {
      headers: asKey,
      body: { type: 'meeting_room', name: `${fixturePrefix}refused-${context.fixtures.runId}`, capacity: 2, quantity: 1, bookableBy: ['member'] },
    });
    await undo(context, resource, `${base}/resources`);
    expectProblem(resource, 403, forbidden, 'createResource (scope bookings) with a key holding only read');
    const member = await context.http.request('POST', `${base}/staff/members`, {
      headers: asKey,
      body: { email: `conformance+refused-${context.fixtures.runId}@example.org`, displayName: `${fixturePrefix}refused-${context.fixtures.runId}` },
    });
    await undo(context, member, `${base}/staff/members`);
    expectProblem(member, 403, forbidden, 'createMember (scope members) with a key holding only read');
    const keys = await context.http.request('GET', `${base}/staff/api-keys`, { headers: asKey });
    expectProblem(keys, 403, forbidden, 'listApiKeys (scope admin) with a key holding only read');

    const revoked = await context.http.request('DELETE', `${base}/staff/api-keys/${encodeURIComponent(created.json.id)}`, { staff: true });
    expectStatus(revoked, 204, 'revokeApiKey of the read-only key, as staff');
    context.fixtures.apiKeyRevoked(created.json.id);
    const after = await context.http.request('GET', `${base}/bookings`, { headers: asKey, query: { limit: 1 } });
    expectProblem(after, 401, unauthorized, 'listBookings with the key just revoked');
  },
};

export const guestTokenNotMember: Check = {
  id: 'auth.guest-token-not-member',
  title: "A guest's token is no member's credential: getMe and listBookings refuse it (401) and answer nobody's data",
  feature: 'guest-bookings',
  specSection: 'getMe',
  needsStaffKey: true,
  async run(context) {
    const booked = await context.fixtures.book(await context.fixtures.slot(), { staff: false, guestEmail: `conformance+not-member-${context.fixtures.runId}@example.org` });
    expectStatus(booked, 201, 'createBooking by a guest');
    const token = booked.json?.guestToken;
    expect(typeof token === 'string', "a guest booking's answer must carry the guestToken", 'guestToken', describeResponse(booked), [booked]);
    const asGuest = { authorization: `Bearer ${token}` };
    const me = await context.http.request('GET', `${context.fixtures.base}/me`, { headers: asGuest });
    expectProblem(me, 401, unauthorized, "getMe with a guest's booking token as the bearer");
    const bookings = await context.http.request('GET', `${context.fixtures.base}/bookings`, { headers: asGuest });
    expectProblem(bookings, 401, unauthorized, "listBookings with a guest's booking token as the bearer");
  },
};
