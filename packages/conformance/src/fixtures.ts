// What the checks create in the space (with a staff key): resources named `conformance-…` and
// bookings of them, events, API keys, all removed at the end of the run.
import { randomUUID } from 'node:crypto';
import { describeResponse, expect, expectStatus } from './failure.ts';
import type { Http } from './http.ts';
import type { Exchange } from './types.ts';

export const fixturePrefix = 'conformance-';
const hour = 3_600_000;
/** The units of the `pool` resource. */
export const poolSize = 3;

export type Kind = 'room' | 'pool' | 'extra' | 'approval';

export interface Slot {
  start: string;
  end: string;
}

export class Fixtures {
  private readonly http: Http;
  private readonly spaceId: string;
  private readonly resources = new Map<Kind, Promise<any>>();
  private readonly slots = new Map<Kind, Slot[]>();
  private readonly bookings = new Set<string>();
  private readonly apiKeys = new Set<string>();
  private readonly events = new Set<string>();
  readonly runId = randomUUID().slice(0, 8);

  constructor(http: Http, spaceId: string) {
    this.http = http;
    this.spaceId = spaceId;
  }

  get base(): string {
    return `/spaces/${encodeURIComponent(this.spaceId)}`;
  }

  /**
   * The run's resources: `room`, one meeting room of quantity 1, `pool`, hot desks of quantity 3,
   * `extra`, another room (added while pages are walked), and `approval`, a room whose bookings
   * staff approve; bookable by guests, with a guest offer per hour.
   */
  resource(kind: Kind = 'room'): Promise<any> {
    let resource = this.resources.get(kind);
    if (!resource) this.resources.set(kind, (resource = this.createResource(kind)));
    return resource;
  }

  private async createResource(kind: Kind): Promise<any> {
    const space = await this.http.request('GET', this.base);
    expectStatus(space, 200, 'the space must be readable to create fixtures in it');
    const created = await this.http.request('POST', `${this.base}/resources`, {
      staff: true,
      body: {
        type: kind === 'pool' ? 'hot_desk' : 'meeting_room',
        name: `${fixturePrefix}${kind}-${this.runId}`,
        description: 'Created by the conformance suite; removed at the end of its run.',
        capacity: kind === 'pool' ? 1 : 4,
        quantity: kind === 'pool' ? poolSize : 1,
        bookableBy: ['guest', 'member'],
        rules: { granularity: 'PT30M', minDuration: 'PT30M', maxDuration: 'PT4H', leadTime: 'PT0S', horizon: 'P60D', ...(kind === 'approval' ? { approvalRequired: true } : {}) },
        offers: [{ unit: 'hour', price: { amount: 1200, currency: space.json.currency ?? 'EUR' }, audience: 'guest', label: `${fixturePrefix}guest hourly` }],
      },
    });
    expectStatus(created, 201, 'createResource with a staff key must create the fixture resource');
    return created.json;
  }

  /** A free one-hour slot of the resource, never handed out twice in a run. */
  async slot(kind: Kind = 'room'): Promise<Slot> {
    if (!this.slots.has(kind)) this.slots.set(kind, await this.findSlots(kind));
    const slot = this.slots.get(kind)!.shift();
    expect(slot, 'the fixture resource must have free one-hour slots in the next days', 'a free one-hour slot', 'none left');
    return slot;
  }

  private async findSlots(kind: Kind): Promise<Slot[]> {
    const resource = await this.resource(kind);
    const from = new Date(Math.ceil((Date.now() + 2 * 24 * hour) / hour) * hour);
    const to = new Date(from.getTime() + 14 * 24 * hour);
    const answer = await this.http.request('GET', `${this.base}/availability`, { query: { from: from.toISOString(), to: to.toISOString(), resourceId: resource.id } });
    expectStatus(answer, 200, 'getAvailability of the fixture resource');
    const slots: Slot[] = [];
    for (const free of answer.json?.resources?.[0]?.slots ?? []) {
      // One-hour bookings on whole UTC hours, with an hour between them (no buffer can join them).
      let start = Math.ceil(Date.parse(free.start) / hour) * hour;
      while (start + hour <= Date.parse(free.end)) {
        slots.push({ start: new Date(start).toISOString(), end: new Date(start + hour).toISOString() });
        start += 2 * hour;
      }
    }
    expect(slots.length > 0, 'the fixture resource must be bookable in the next two weeks', 'at least one free hour in getAvailability', describeResponse(answer), [answer]);
    return slots;
  }

  /** Creates a booking of the resource for a guest, as staff (with a fresh Idempotency-Key unless given). */
  async book(slot: Slot, options: { key?: string; staff?: boolean; guestEmail?: string; kind?: Kind } = {}): Promise<Exchange> {
    const resource = await this.resource(options.kind);
    const answer = await this.http.request('POST', `${this.base}/bookings`, {
      staff: options.staff ?? true,
      headers: { 'idempotency-key': options.key ?? `${fixturePrefix}${randomUUID()}` },
      body: this.bookingBody(resource.id, slot, options.guestEmail),
    });
    this.track(answer);
    return answer;
  }

  bookingBody(resourceId: string, slot: Slot, guestEmail = `conformance+${this.runId}@example.org`, title = `${fixturePrefix}booking`): object {
    return { resourceId, start: slot.start, end: slot.end, title, guest: { name: 'Conformance Suite', email: guestEmail } };
  }

  /** Remembers a created booking, to cancel it at the end. */
  track(answer: Exchange): void {
    if (answer.status === 201 && typeof answer.json?.id === 'string') this.bookings.add(answer.json.id);
  }

  /** Remembers a booking the server holds, however the suite learnt of it. */
  trackId(id: string): void {
    this.bookings.add(id);
  }

  /** Remembers a created event, to delete it (and its registrations) at the end. */
  trackEvent(id: string): void {
    this.events.add(id);
  }

  /** Remembers a created staff API key, to revoke it at the end unless the check did. */
  trackApiKey(id: string): void {
    this.apiKeys.add(id);
  }

  apiKeyRevoked(id: string): void {
    this.apiKeys.delete(id);
  }

  /** Revokes the keys, deletes the events, cancels the bookings and deletes the resources; returns what could not be removed. */
  async cleanup(): Promise<string[]> {
    const left: string[] = [];
    for (const id of this.events) {
      const path = `${this.base}/events/${encodeURIComponent(id)}`;
      const deleted = await this.http.request('DELETE', path, { staff: true });
      if (deleted.status !== 204) {
        left.push(`event ${id} (delete answered ${deleted.status})`);
        continue;
      }
      const gone = await this.http.request('GET', path, { staff: true });
      if (gone.status !== 404) left.push(`event ${id} (delete answered 204, then getEvent answered ${gone.status})`);
    }
    for (const id of this.apiKeys) {
      const revoked = await this.http.request('DELETE', `${this.base}/staff/api-keys/${encodeURIComponent(id)}`, { staff: true });
      if (revoked.status !== 204) left.push(`API key ${id} (revoke answered ${revoked.status})`);
    }
    for (const id of this.bookings) {
      const path = `${this.base}/bookings/${encodeURIComponent(id)}`;
      const current = await this.http.request('GET', path, { staff: true });
      if (current.status !== 200 || current.json?.status === 'cancelled') continue;
      const etag = current.responseHeaders.etag ?? `"${current.json?.version}"`;
      const cancelled = await this.http.request('POST', `${path}/cancel`, { staff: true, headers: { 'if-match': etag }, body: { reason: 'conformance run finished' } });
      if (cancelled.status !== 200) left.push(`booking ${id} (cancel answered ${cancelled.status})`);
    }
    for (const created of this.resources.values()) {
      const resource = await created.catch(() => undefined);
      if (!resource) continue;
      const deleted = await this.http.request('DELETE', `${this.base}/resources/${encodeURIComponent(resource.id)}`, { staff: true });
      if (deleted.status !== 204) {
        left.push(`resource ${resource.id} (delete answered ${deleted.status})`);
        continue;
      }
      const gone = await this.http.request('GET', `${this.base}/resources/${encodeURIComponent(resource.id)}`);
      if (gone.status !== 404) left.push(`resource ${resource.id} (delete answered 204, then getResource answered ${gone.status})`);
    }
    return left;
  }
}
