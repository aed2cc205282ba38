import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { dayLabels, timeLabels } from '../../../src/event-calendar/model/labels.ts';
import { day } from './support.ts';

describe('labels', () => {
  test('times of day in French and English', () => {
    const fr = timeLabels('fr');
    const en = timeLabels('en-US');
    assert.equal(fr(600), '10:00');
    assert.equal(fr(1439.9), '23:59');
    assert.equal(fr(1440), '0:00');
    assert.equal(timeLabels('fr', { hour: '2-digit', minute: '2-digit' })(540), '09:00');
    assert.equal(en(870).replace(/\s/g, ' '), '2:30 PM');
    assert.equal(timeLabels('en-GB', { hour: '2-digit', minute: '2-digit' })(75), '01:15');
  });

  test('dates, whatever the machine’s zone', () => {
    assert.equal(dayLabels('fr')(day('2026-03-29')), 'dimanche 29 mars 2026');
    assert.equal(dayLabels('en-US', { month: 'long', year: 'numeric' })(day('2026-12-31')), 'December 2026');
  });

  test('labels are cached across formatters of the same locale and options', () => {
    const a = timeLabels('de');
    const b = timeLabels('de');
    assert.equal(a(600), b(600));
  });
});
