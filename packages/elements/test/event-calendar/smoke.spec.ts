import { fixture, html } from '@open-wc/testing';
import '../../src/event-calendar/define.ts';
import type { CoworkEventCalendar } from '../../src/event-calendar/event-calendar.ts';
import { api, spaceId } from '../support/fixtures.ts';
import { screenshots } from '../support/screenshot.ts';
import { allDayFrom, calendarServer, settle, timedAt } from './support.ts';

const events = [
  allDayFrom('2026-03-09', '2026-03-11', { title: 'Salon des indépendants', tags: ['fair'] }),
  timedAt('2026-03-12', '09:00', '10:00', { title: 'Petit-déjeuner', tags: ['breakfast'] }),
  timedAt('2026-03-12', '09:30', '11:00', { title: 'Atelier accessibilité', tags: ['atelier'] }),
  timedAt('2026-03-12', '12:00', '13:30', { title: 'Déjeuner conférence', tags: ['talk'] }),
  timedAt('2026-03-12', '14:00', '15:00', { title: 'Permanence comptable', tags: ['advice'] }),
  timedAt('2026-03-12', '18:00', '20:00', { title: 'Apéro', tags: ['community'] }),
  timedAt('2026-03-20', '22:00', '02:00', { title: 'Hackathon de nuit', tags: ['atelier'] }, '2026-03-21'),
  timedAt('2026-03-18', '10:00', '11:00', { title: 'Talk annulé', status: 'cancelled', tags: ['talk'] }),
  timedAt('2026-03-17', '08:30', '09:30', { title: 'Réservé aux membres', visibility: 'members' }),
];

describe('smoke', () => {
  for (const view of ['month', 'week', 'list']) {
    it(`renders the ${view} view`, async function () {
      this.timeout(60_000);
      const server = calendarServer({ events });
      const el = await fixture<CoworkEventCalendar>(html`<cowork-event-calendar api=${api} space=${spaceId} .fetch=${server.fetch} view=${view} date="2026-03-12"></cowork-event-calendar>`);
      await settle(el);
      await screenshots(`smoke-${view}`, el);
    });
  }
});
