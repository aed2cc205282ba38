import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import ICAL from 'ical.js';
import { bookingCalendar, eventCalendar, eventsCalendar, formatAddress, icalUid, type IcalBooking, type IcalEvent, type IcalSpace } from '../../src/domain/ical.ts';

const space: IcalSpace = {
  id: 'la-ruche',
  name: 'La Ruche, Lyon; coopérative',
  timeZone: 'Europe/Paris',
  address: { street: '12 rue des Lilas', locality: 'Lyon', postalCode: '69001', country: 'FR' },
  geo: { latitude: 45.767, longitude: 4.834 },
};
const resource = { id: 'rs_jaune', name: 'Salle Jaune' };
const booking: IcalBooking = {
  id: 'bk_01KB2Y3Z4QH7M9XK2RT5VWA8CD',
  start: '2026-12-01T09:00:00Z',
  end: '2026-12-01T10:30:00Z',
  status: 'confirmed',
  title: 'Réunion d’équipe, sprint 12; bilan',
  notes: 'Line one\nLine two, with a comma; and a semicolon\\backslash\nÉmojis 🐝 and accents àéîõü — a long line that needs folding because it is well over seventy-five octets long',
  createdAt: '2026-11-20T10:00:00Z',
  updatedAt: '2026-11-21T10:00:00Z',
  version: 3,
};

// ical.js keeps unknown X- properties raw; RFC 5545 §3.8.8.2 gives them TEXT by default, as
// calendar apps read X-WR-CALNAME: tell ical.js so it unescapes them.
for (const name of ['x-wr-calname', 'x-wr-timezone']) ICAL.design.icalendar.property[name] = { defaultType: 'text' };

function parse(text: string) {
  const cal = new ICAL.Component(ICAL.parse(text));
  return { cal, events: cal.getAllSubcomponents('vevent') };
}
const value = (c: ICAL.Component, name: string) => c.getFirstPropertyValue(name);
const time = (c: ICAL.Component, name: string) => value(c, name) as ICAL.Time;

describe('bookingCalendar', () => {
  const text = bookingCalendar({ booking, resource, space });
  const { cal, events } = parse(text);
  const ev = events[0]!;

  test('is one VEVENT with the booking’s UID, in UTC', () => {
    assert.equal(events.length, 1);
    assert.equal(value(cal, 'version'), '2.0');
    assert.match(String(value(cal, 'prodid')), /Coworking Commons/);
    assert.equal(value(ev, 'uid'), 'bk_01KB2Y3Z4QH7M9XK2RT5VWA8CD@la-ruche.coworking-commons');
    assert.equal(icalUid('x', 'y'), 'x@y.coworking-commons');
    assert.match(text, /\r\nDTSTART:20261201T090000Z\r\n/);
    assert.match(text, /\r\nDTEND:20261201T103000Z\r\n/);
    assert.equal(time(ev, 'dtstart').toJSDate().toISOString(), '2026-12-01T09:00:00.000Z');
    assert.equal(time(ev, 'dtend').toJSDate().toISOString(), '2026-12-01T10:30:00.000Z');
    assert.equal(value(ev, 'sequence'), 2);
    assert.equal(time(ev, 'dtstamp').toJSDate().toISOString(), '2026-11-21T10:00:00.000Z');
  });

  test('user text round-trips: newlines, commas, semicolons, backslashes, non-ASCII', () => {
    assert.equal(value(ev, 'summary'), 'Salle Jaune: Réunion d’équipe, sprint 12; bilan');
    assert.equal(value(ev, 'description'), booking.notes);
    assert.equal(value(ev, 'location'), '12 rue des Lilas, 69001 Lyon, FR');
    assert.equal(value(cal, 'x-wr-calname'), 'La Ruche, Lyon; coopérative: Salle Jaune');
    for (const line of text.split('\r\n')) assert.ok(Buffer.byteLength(line) <= 75, `folded: ${line}`);
  });

  test('GEO from the space', () => {
    assert.deepEqual(value(ev, 'geo'), [45.767, 4.834]);
  });

  test('status follows the booking’s', () => {
    const status = (s: IcalBooking['status']) => value(parse(bookingCalendar({ booking: { ...booking, status: s }, resource, space })).events[0]!, 'status');
    assert.equal(value(ev, 'status'), 'CONFIRMED');
    assert.equal(status('pending'), 'TENTATIVE');
    assert.equal(status('cancelled'), 'CANCELLED');
  });

  test('a booking without title or notes: the resource’s name, no DESCRIPTION', () => {
    const bare = { ...booking };
    delete bare.title;
    delete bare.notes;
    const e = parse(bookingCalendar({ booking: bare, resource, space })).events[0]!;
    assert.equal(value(e, 'summary'), 'Salle Jaune');
    assert.equal(value(e, 'description'), null);
  });

  test('is deterministic', () => {
    assert.equal(bookingCalendar({ booking, resource, space }), text);
  });
});

const baseEvent: IcalEvent = {
  id: 'ev_talk',
  title: 'Apéro, talk; “Open source” 🎉',
  summary: 'Two talks, then drinks.',
  description: 'Line 1\nLine 2; with, punctuation',
  start: '2026-12-03T17:30:00Z',
  end: '2026-12-03T20:00:00Z',
  allDay: false,
  status: 'scheduled',
  tags: ['talk', 'open-source'],
  location: { kind: 'resource', resourceId: 'rs_jaune' },
  createdAt: '2026-11-01T10:00:00Z',
  updatedAt: '2026-11-01T10:00:00Z',
};

describe('eventsCalendar', () => {
  const events: IcalEvent[] = [
    baseEvent,
    { ...baseEvent, id: 'ev_cancelled', title: 'Cancelled lunch', status: 'cancelled', location: { kind: 'text', text: 'Terrasse du 3e étage, côté cour' }, updatedAt: '2026-11-02T10:00:00Z' },
    { ...baseEvent, id: 'ev_allday', title: 'Portes ouvertes', allDay: true, start: '2026-12-04T23:00:00Z', end: '2026-12-06T23:00:00Z', location: { kind: 'online', url: 'https://meet.example.org/portes-ouvertes' } },
    { ...baseEvent, id: 'ev_summer', title: 'Summer day', allDay: true, start: '2026-07-13T22:00:00Z', end: '2026-07-14T22:00:00Z', location: undefined, summary: undefined, description: undefined, tags: [] },
  ];
  const text = eventsCalendar({ space, events, resources: [resource] });
  const { cal, events: vevents } = parse(text);
  const byUid = (id: string) => vevents.find((e) => value(e, 'uid') === `${id}@la-ruche.coworking-commons`)!;

  test('a feed with its name and time zone, one VEVENT per event', () => {
    assert.equal(value(cal, 'x-wr-calname'), 'La Ruche, Lyon; coopérative: events');
    assert.equal(value(cal, 'x-wr-timezone'), 'Europe/Paris');
    assert.equal(value(cal, 'method'), 'PUBLISH');
    assert.equal(vevents.length, 4);
    assert.equal(eventsCalendar({ space, events: [], name: 'Agenda' }).includes('X-WR-CALNAME:Agenda'), true);
  });

  test('an event: title, text, categories, location in a resource', () => {
    const e = byUid('ev_talk');
    assert.equal(value(e, 'summary'), baseEvent.title);
    assert.equal(value(e, 'description'), 'Two talks, then drinks.\n\nLine 1\nLine 2; with, punctuation');
    assert.equal(value(e, 'status'), 'CONFIRMED');
    assert.deepEqual(e.getFirstProperty('categories')!.getValues(), ['talk', 'open-source']);
    assert.equal(value(e, 'location'), 'Salle Jaune\n12 rue des Lilas, 69001 Lyon, FR');
    assert.equal(time(e, 'dtstart').toJSDate().toISOString(), '2026-12-03T17:30:00.000Z');
  });

  test('a cancelled event stays in the feed with STATUS:CANCELLED', () => {
    const e = byUid('ev_cancelled');
    assert.equal(value(e, 'status'), 'CANCELLED');
    assert.equal(value(e, 'location'), 'Terrasse du 3e étage, côté cour');
    assert.ok(Number(value(e, 'sequence')) > 0, 'a change bumps SEQUENCE');
  });

  test('all-day events are DATE values of the space’s dates, end exclusive', () => {
    const e = byUid('ev_allday');
    const start = time(e, 'dtstart');
    const end = time(e, 'dtend');
    assert.equal(start.isDate, true);
    assert.equal(start.toString(), '2026-12-05');
    assert.equal(end.toString(), '2026-12-07');
    assert.match(text, /DTSTART;VALUE=DATE:20261205\r\n/);
    assert.equal(value(e, 'location'), 'https://meet.example.org/portes-ouvertes');
    assert.equal(value(e, 'url'), 'https://meet.example.org/portes-ouvertes');
    const summer = byUid('ev_summer');
    assert.equal(time(summer, 'dtstart').toString(), '2026-07-14');
    assert.equal(time(summer, 'dtend').toString(), '2026-07-15');
    assert.equal(value(summer, 'location'), '12 rue des Lilas, 69001 Lyon, FR', 'no location: the space');
    assert.equal(value(summer, 'description'), null);
  });
});

describe('eventCalendar', () => {
  test('one event as a calendar', () => {
    const { cal, events } = parse(eventCalendar({ space, event: baseEvent }));
    assert.equal(events.length, 1);
    assert.equal(value(cal, 'x-wr-calname'), `${space.name}: ${baseEvent.title}`);
    // Unknown resource: the space's name stands in.
    assert.equal(value(events[0]!, 'location'), 'La Ruche, Lyon; coopérative\n12 rue des Lilas, 69001 Lyon, FR');
  });

  test('every content line ends with CRLF, the last one included (RFC 5545 §3.1)', () => {
    const documents = {
      booking: bookingCalendar({ booking, resource, space }),
      events: eventsCalendar({ space, events: [baseEvent], resources: [resource] }),
      'no events': eventsCalendar({ space, events: [] }),
      event: eventCalendar({ space, event: baseEvent }),
    };
    for (const [name, text] of Object.entries(documents)) {
      assert.ok(text.endsWith('\r\nEND:VCALENDAR\r\n'), `${name}: ends with END:VCALENDAR and its CRLF`);
      assert.ok(!/[^\r]\n|\r[^\n]/.test(text), `${name}: no bare LF or CR`);
      assert.ok(!text.endsWith('\r\n\r\n'), `${name}: no empty line at the end`);
    }
  });

  test('formatAddress', () => {
    assert.equal(formatAddress({ street: '1 Main St', locality: 'Springfield', region: 'IL', postalCode: '62701', country: 'US' }), '1 Main St, 62701 Springfield, IL, US');
    assert.equal(formatAddress(undefined), undefined);
  });
});
