import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { ApiError, createBooking, createClient } from '@coworking-commons/client';
import { IdempotentAttempt, isTransient } from '../../src/controllers/idempotent-attempt.ts';

const problem = (status: number, type: string) =>
  new Response(JSON.stringify({ type: `urn:coworking-commons:problem:${type}`, title: type, status }), { status, headers: { 'content-type': 'application/problem+json' } });

describe('isTransient', () => {
  it('keeps trying after failures that may not have reached the server', () => {
    assert.ok(isTransient(Object.assign(new Error('x'), { name: 'NetworkError' })));
    assert.ok(isTransient(Object.assign(new Error('x'), { name: 'TimeoutError' })));
    assert.ok(isTransient(new TypeError('Failed to fetch')));
    assert.ok(isTransient(new ApiError(problem(503, 'internal'), undefined)));
    assert.ok(isTransient(new ApiError(problem(429, 'rate-limited'), undefined)));
  });
  it('stops after a definitive answer', () => {
    assert.ok(!isTransient(new ApiError(problem(409, 'booking-conflict'), { type: 'urn:coworking-commons:problem:booking-conflict', title: 'c', status: 409 })));
    assert.ok(!isTransient(new ApiError(problem(422, 'rule-violation'), undefined)));
    assert.ok(!isTransient(new ApiError(problem(400, 'validation-error'), undefined)));
    assert.ok(!isTransient(undefined));
    assert.ok(!isTransient('nope'));
  });
});

describe('IdempotentAttempt', () => {
  const body = { resourceId: 'rs_a', start: '2026-12-01T08:00:00Z', end: '2026-12-01T09:00:00Z' };
  it('reuses the key of a transient failure for the same booking', () => {
    const a = new IdempotentAttempt();
    const k1 = a.keyFor(body);
    a.settle(Object.assign(new Error('offline'), { name: 'NetworkError' }));
    assert.equal(a.keyFor({ ...body }), k1);
    assert.equal(a.pending, k1);
  });
  it('makes a new key after a success, a definitive error, or another booking', () => {
    const a = new IdempotentAttempt();
    const k1 = a.keyFor(body);
    a.settle();
    const k2 = a.keyFor(body);
    assert.notEqual(k2, k1);
    a.settle(new ApiError(problem(409, 'booking-conflict'), undefined));
    const k3 = a.keyFor(body);
    assert.notEqual(k3, k2);
    assert.notEqual(a.keyFor({ ...body, end: '2026-12-01T10:00:00Z' }), k3);
  });
  it('sends the same Idempotency-Key on every try of createBooking', async () => {
    const keys: (string | null)[] = [];
    let calls = 0;
    const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = new Request(input, init);
      keys.push(request.headers.get('idempotency-key'));
      if (++calls <= 2) throw new TypeError('fetch failed');
      return new Response(JSON.stringify({ id: 'bk_1' }), { status: 201, headers: { 'content-type': 'application/json', etag: '"1"' } });
    };
    const client = createClient({ baseUrl: 'http://api.test', fetch: fetch as typeof globalThis.fetch, retry: { limit: 0 } });
    const a = new IdempotentAttempt();
    const send = () => createBooking(client, { path: { spaceId: 'la-ruche' }, body, header: { 'Idempotency-Key': a.keyFor(body) } });
    for (let i = 0; i < 2; i++) {
      await assert.rejects(send, (e: Error) => isTransient(e));
      a.settle(new TypeError('fetch failed'));
    }
    const { data } = await send();
    a.settle();
    assert.equal(data.id, 'bk_1');
    assert.equal(keys.length, 3);
    assert.ok(keys[0]);
    assert.deepEqual(new Set(keys).size, 1);
  });
});
