import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { eventPredicate, filterEvents, filterItems, isShown, tagCounts } from '../../../src/event-calendar/model/filter.ts';
import { toCalendarItems } from '../../../src/event-calendar/model/items.ts';
import { PARIS, timed } from './support.ts';

const talk = timed('2026-03-10', '09:00', '10:00', { title: 'Talk', tags: ['talk', 'a11y'] });
const lunch = timed('2026-03-11', '12:00', '13:00', { title: 'Lunch', tags: ['lunch'], visibility: 'members' });
const workshop = timed('2026-03-12', '14:00', '17:00', { title: 'Workshop', tags: ['atelier', 'a11y'], status: 'cancelled' });
const party = timed('2026-03-13', '19:00', '23:00', { title: 'Party', tags: [] });
const events = [talk, lunch, workshop, party];
const titles = (list: { title: string }[]) => list.map((e) => e.title);

describe('filters', () => {
  test('no filter: public events, cancelled ones included', () => {
    assert.deepEqual(titles(filterEvents(events)), ['Talk', 'Workshop', 'Party']);
  });

  test('members-only events only when a member is signed in', () => {
    assert.deepEqual(titles(filterEvents(events, { signedIn: false })), ['Talk', 'Workshop', 'Party']);
    assert.deepEqual(titles(filterEvents(events, { signedIn: true })), ['Talk', 'Lunch', 'Workshop', 'Party']);
    assert.equal(isShown(lunch), false);
    assert.equal(isShown(lunch, { signedIn: true }), true);
  });

  test('by tag: any of the chosen tags', () => {
    assert.deepEqual(titles(filterEvents(events, { tags: ['a11y'] })), ['Talk', 'Workshop']);
    assert.deepEqual(titles(filterEvents(events, { tags: new Set(['lunch', 'talk']), signedIn: true })), ['Talk', 'Lunch']);
    assert.deepEqual(titles(filterEvents(events, { tags: ['lunch'] })), [], 'tags do not reveal members-only events');
    assert.deepEqual(titles(filterEvents(events, { tags: [] })), ['Talk', 'Workshop', 'Party']);
    assert.deepEqual(titles(filterEvents(events, { tags: ['nothing'] })), []);
  });

  test('cancelled events are kept and flagged, or left out on request', () => {
    const items = toCalendarItems(events, PARIS);
    const shown = filterItems(items, { signedIn: true });
    assert.deepEqual(
      shown.map((i) => [i.event.title, i.cancelled]),
      [
        ['Talk', false],
        ['Lunch', false],
        ['Workshop', true],
        ['Party', false],
      ],
    );
    assert.deepEqual(
      filterItems(items, { includeCancelled: false }).map((i) => i.event.title),
      ['Talk', 'Party'],
    );
    assert.equal(eventPredicate({ includeCancelled: false })(workshop), false);
  });

  test('the tags to choose from, with counts', () => {
    const visible = filterEvents(events);
    assert.deepEqual(tagCounts(visible), [
      { tag: 'a11y', count: 2 },
      { tag: 'atelier', count: 1 },
      { tag: 'talk', count: 1 },
    ]);
    assert.deepEqual(tagCounts(toCalendarItems(events, PARIS)).map((t) => t.tag), ['a11y', 'atelier', 'lunch', 'talk']);
  });
});
