import type { Check } from '../context.ts';
import { describeResponse, expect, expectStatus } from '../failure.ts';

export const eventFeed: Check = {
  id: 'ical.event-feed',
  title: "The space's event feed is an iCalendar document: CRLF lines (the last included), one VCALENDAR, each VEVENT with UID, DTSTAMP and DTSTART",
  feature: 'ical',
  alsoNeeds: ['events'],
  specSection: 'getEventFeed',
  async run(context) {
    const answer = await context.http.request('GET', `/spaces/${encodeURIComponent(context.spaceId)}/events.ics`, { headers: { accept: 'text/calendar' } });
    expectStatus(answer, 200, 'getEventFeed');
    const type = (answer.responseHeaders['content-type'] ?? '').split(';')[0]!.trim();
    expect(type === 'text/calendar', 'the feed must be served as text/calendar', 'text/calendar', type || '(none)', [answer]);
    const text = answer.responseBody;
    expect(/^BEGIN:VCALENDAR\r\n/.test(text) && /\r\nEND:VCALENDAR(\r\n)?$/.test(text), 'the feed must be one VCALENDAR', 'BEGIN:VCALENDAR … END:VCALENDAR', describeResponse(answer), [answer]);
    // RFC 5545 §3.1: every content line ends with CRLF, the last one included.
    expect(text.endsWith('\r\n'), 'the last line (END:VCALENDAR) ends with CRLF too (RFC 5545 §3.1)', 'END:VCALENDAR\\r\\n', JSON.stringify(text.slice(-20)), [answer]);
    expect(!/[^\r]\n/.test(text), 'iCalendar lines end with CRLF (RFC 5545 §3.1)', 'CRLF line ends', 'a bare LF', [answer]);
    expect(/\r\nVERSION:2\.0\r\n/.test(text) && /\r\nPRODID:/.test(text), 'a VCALENDAR needs VERSION:2.0 and PRODID', 'VERSION:2.0 and PRODID', describeResponse(answer), [answer]);
    const events = text.split('BEGIN:VEVENT\r\n').slice(1).map((event) => event.slice(0, event.indexOf('END:VEVENT')));
    for (const event of events) {
      for (const property of ['UID', 'DTSTAMP', 'DTSTART']) {
        expect(new RegExp(`(^|\\r\\n)${property}[:;]`).test(event), `each VEVENT needs ${property}`, property, event.slice(0, 300), [answer]);
      }
    }
  },
};
