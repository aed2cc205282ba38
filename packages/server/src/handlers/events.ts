import { sql, type Kysely, type Transaction } from 'kysely';
import { acceptsCalendar } from '../http/accept.ts';
import type { Database } from '../db/schema.ts';
import type { Deps } from '../deps.ts';
import { eventCalendar, eventsCalendar, ICAL_CONTENT_TYPE, type IcalResource } from '../domain/ical.ts';
import { newId } from '../domain/ids.ts';
import { localDayOf } from '../domain/time.ts';
import { checkOptionalIfMatch, setEtag } from '../http/etag.ts';
import { notAcceptable, notFound, ruleViolation } from '../http/problem.ts';
import { spaceOf } from '../http/request-context.ts';
import {
  eventsQuery,
  findEvent,
  lockEvent,
  registeredCount,
  seesMembersOnly,
  toEvent,
  toEventColumns,
  type Event,
} from '../services/events.ts';
import { iso, ms } from '../services/json.ts';
import { findRegistration, toRegistration } from '../services/registrations.ts';
import { promoteAndTell } from '../services/waitlist.ts';
import { emitEvent } from '../webhooks/emit.ts';
import { decodeCursor, page } from '../services/pagination.ts';
import { toResource } from '../services/resources.ts';
import type { Space } from '../services/spaces.ts';
import type { HandlerGroup } from './types.ts';

/** How far back the iCalendar feed goes: events that ended within the last year, and all later ones. */
const FEED_HISTORY = 366 * 24 * 3600_000;
const FEED_LIMIT = 2000;

type Registration = Event['registration'];

/** Instants are returned in UTC (`Z`), whatever offset they were sent with. */
function normalizeRegistration(registration: Registration): Registration {
  return {
    ...registration,
    ...(registration.opensAt ? { opensAt: iso(ms(registration.opensAt)) } : {}),
    ...(registration.closesAt ? { closesAt: iso(ms(registration.closesAt)) } : {}),
  };
}

/** The rules an event must satisfy, whether new or changed. */
async function checkEvent(db: Kysely<Database> | Transaction<Database>, space: Space, event: Event): Promise<void> {
  const start = ms(event.start);
  const end = ms(event.end);
  if (end <= start) throw ruleViolation('end_before_start', 'The event must end after it starts.');
  if (event.allDay) {
    const midnight = (instant: number) => localDayOf(new Date(instant), space.timeZone).start.getTime() === instant;
    if (!midnight(start) || !midnight(end)) {
      throw ruleViolation('all_day_not_midnight', `An all-day event starts and ends at midnight in the space's time zone (${space.timeZone}).`);
    }
  }
  if (event.location?.kind === 'resource') {
    const resource = await db.selectFrom('resources').select('id').where('space_id', '=', space.id).where('id', '=', event.location.resourceId).executeTakeFirst();
    if (!resource) throw ruleViolation('unknown_resource', `The location names no resource of this space ("${event.location.resourceId}").`);
  }
  const { opensAt, closesAt } = event.registration;
  if (opensAt && closesAt && ms(closesAt) <= ms(opensAt)) {
    throw ruleViolation('registration_window', 'Registrations must close after they open.');
  }
}

async function resourcesNamed(db: Kysely<Database>, spaceId: string, events: readonly Event[]): Promise<IcalResource[]> {
  const ids = [...new Set(events.flatMap((e) => (e.location?.kind === 'resource' ? [e.location.resourceId] : [])))];
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('resources').selectAll().where('space_id', '=', spaceId).where('id', 'in', ids).execute();
  return rows.map(toResource).map((r) => ({ id: r.id, name: r.name }));
}

export const eventsHandlers: HandlerGroup = (deps: Deps) => ({
  async listEvents(request) {
    const { space } = spaceOf(request);
    const { from, to, tag, cursor } = request.query;
    const limit = request.query.limit ?? 20;
    const after = decodeCursor(cursor, ['number', 'string']);
    let query = eventsQuery(deps.store.db)
      .where('events.space_id', '=', space.id)
      .where('events.end_at', '>', from ? ms(from) : deps.now().getTime());
    if (to) query = query.where('events.start_at', '<', ms(to));
    if (!seesMembersOnly(request.caller)) query = query.where('events.visibility', '=', 'public');
    // Tags are stored as a JSON array; a tag is [a-z0-9_-], so `"tag"` matches exactly once `_` is escaped.
    if (tag) query = query.where(sql<boolean>`events.tags like ${`%"${tag.replace(/_/g, '!_')}"%`} escape '!'`);
    if (after) {
      const [startAt, id] = after as [number, string];
      query = query.where((eb) => eb.or([eb('events.start_at', '>', startAt), eb.and([eb('events.start_at', '=', startAt), eb('events.id', '>', id)])]));
    }
    const rows = await query.orderBy('events.start_at').orderBy('events.id').limit(limit + 1).execute();
    return page(rows, limit, toEvent, (row) => [row.start_at, row.id]);
  },

  async createEvent(request, reply) {
    const { space } = spaceOf(request);
    const body = request.body;
    const now = deps.now().toISOString();
    const event: Event = {
      ...body,
      id: newId('ev'),
      spaceId: space.id,
      start: iso(ms(body.start)),
      end: iso(ms(body.end)),
      allDay: body.allDay ?? false,
      tags: body.tags ?? [],
      waitlistEnabled: body.waitlistEnabled ?? false,
      visibility: body.visibility ?? 'public',
      status: 'scheduled',
      registration: normalizeRegistration(body.registration ?? { required: false, audience: ['guest', 'member'] }),
      createdAt: now,
      updatedAt: now,
    };
    await checkEvent(deps.store.db, space, event);
    await deps.store.db
      .insertInto('events')
      .values({ id: event.id, space_id: space.id, created_at: ms(now), ...toEventColumns(event) })
      .execute();
    reply.code(201).header('location', `${deps.config.publicUrl}/spaces/${space.id}/events/${event.id}`);
    setEtag(reply, 1);
    return toEvent({ id: event.id, space_id: space.id, created_at: ms(now), ...toEventColumns(event), version: 1, registered: 0 });
  },

  async getEvent(request, reply) {
    const { space } = spaceOf(request);
    const row = await findEvent(deps.store.db, space.id, request.params.eventId, request.caller);
    if (!row) throw notFound('No such event in this space.');
    setEtag(reply, row.version);
    return toEvent(row);
  },

  async updateEvent(request, reply) {
    const { space } = spaceOf(request);
    const changes = request.body;
    const now = deps.now().getTime();
    return deps.store.db.transaction().execute(async (trx) => {
      const row = await lockEvent(trx, deps.store.kind, space.id, request.params.eventId);
      if (!row) throw notFound('No such event in this space.');
      // Under the row's lock (PostgreSQL; SQLite runs one transaction at a time): no change can come in between.
      checkOptionalIfMatch(request, row.version);
      if (row.status === 'cancelled' && changes.status === 'scheduled') {
        throw ruleViolation('event_cancelled', 'A cancelled event cannot be scheduled again; create a new one.');
      }
      const next: Record<string, unknown> = { ...toEvent({ ...row, registered: 0 }) };
      delete next.seatsLeft;
      for (const [key, value] of Object.entries(changes)) {
        if (value === null) delete next[key];
        else next[key] = value;
      }
      const event = next as Event;
      event.start = iso(ms(event.start));
      event.end = iso(ms(event.end));
      event.registration = normalizeRegistration(event.registration);
      event.updatedAt = iso(now);
      await checkEvent(trx, space, event);
      const registered = await registeredCount(trx, row.id);
      if (event.capacity !== undefined && event.capacity < registered) {
        throw ruleViolation('capacity_below_registered', `${registered} people are registered; the capacity cannot be lower. Cancel registrations first.`);
      }
      const columns = toEventColumns(event);
      await trx.updateTable('events').set({ ...columns, version: row.version + 1 }).where('id', '=', row.id).execute();
      if (columns.status === 'cancelled' && row.status !== 'cancelled') {
        const cancelled = await trx
          .updateTable('registrations')
          .set({ status: 'cancelled', cancelled_at: now, cancellation_reason: 'The event was cancelled.', updated_at: now })
          .where('event_id', '=', row.id)
          .where('status', '<>', 'cancelled')
          .returning('id')
          .execute();
        // Each registrant's registration is cancelled with the event: subscribers hear of each.
        for (const { id } of cancelled) {
          const view = await findRegistration(trx, space.id, id);
          if (view) await emitEvent(deps, trx, space.id, 'registration.cancelled', toRegistration(view));
        }
      } else {
        await promoteAndTell(deps, trx, space.id, { id: row.id, capacity: columns.capacity, status: columns.status }, now);
      }
      setEtag(reply, row.version + 1);
      return toEvent({ ...row, ...columns, version: row.version + 1, registered: await registeredCount(trx, row.id) });
    });
  },

  async deleteEvent(request, reply) {
    const { space } = spaceOf(request);
    await deps.store.db.transaction().execute(async (trx) => {
      const row = await lockEvent(trx, deps.store.kind, space.id, request.params.eventId);
      if (!row) throw notFound('No such event in this space.');
      checkOptionalIfMatch(request, row.version);
      await trx.deleteFrom('registrations').where('event_id', '=', row.id).execute();
      await trx.deleteFrom('events').where('id', '=', row.id).execute();
    });
    reply.code(204);
    return undefined;
  },

  async getEventFeed(request, reply) {
    if (!acceptsCalendar(request.headers.accept)) throw notAcceptable('The feed is only offered as text/calendar.');
    const { space } = spaceOf(request);
    let query = eventsQuery(deps.store.db)
      .where('events.space_id', '=', space.id)
      .where('events.end_at', '>', deps.now().getTime() - FEED_HISTORY);
    if (!seesMembersOnly(request.caller)) query = query.where('events.visibility', '=', 'public');
    const events = (await query.orderBy('events.start_at').orderBy('events.id').limit(FEED_LIMIT).execute()).map(toEvent);
    const resources = await resourcesNamed(deps.store.db, space.id, events);
    reply.type(ICAL_CONTENT_TYPE);
    return eventsCalendar({ space, events, resources });
  },

  async getEventIcal(request, reply) {
    const { space } = spaceOf(request);
    const row = await findEvent(deps.store.db, space.id, request.params.eventId, request.caller);
    if (!row) throw notFound('No such event in this space.');
    if (!acceptsCalendar(request.headers.accept)) throw notAcceptable('The event is only offered as text/calendar.');
    const event = toEvent(row);
    const resources = await resourcesNamed(deps.store.db, space.id, [event]);
    reply.type(ICAL_CONTENT_TYPE);
    return eventCalendar({ space, event, resources });
  },
});
