// Screenshots of <cowork-event-calendar> for people to look at (packages/elements/screenshots/,
// gitignored): each view, the event dialog and a day's list, at 320 px and 1280 px, light and dark.
// Skipped with SCREENSHOTS=0.
import { fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/event-calendar/define.ts';
import { api, spaceId } from '../support/fixtures.ts';
import { screenshots } from '../support/screenshot.ts';
import { $, $$, allDayFrom, calendarServer, futureDate, openDialog, settle, timedAt, type Calendar, type Event } from './support.ts';

const pause = () => new Promise((wake) => setTimeout(wake, 300));

function program(): Event[] {
  return [
    allDayFrom('2026-03-09', '2026-03-11', { title: 'Salon des indépendants de Nantes', tags: ['fair'] }),
    timedAt('2026-03-10', '08:30', '09:30', { title: 'Petit-déjeuner des membres', tags: ['breakfast'] }),
    timedAt('2026-03-12', '09:00', '10:00', { title: 'Permanence comptable', tags: ['advice'] }),
    timedAt('2026-03-12', '09:30', '11:00', { title: 'Atelier accessibilité numérique', tags: ['atelier'] }),
    timedAt('2026-03-12', '12:30', '13:30', { title: 'Déjeuner conférence : le vélo-cargo', tags: ['talk'] }),
    timedAt('2026-03-12', '14:00', '15:00', { title: 'Permanence juridique', tags: ['advice'] }),
    timedAt('2026-03-12', '18:00', '20:00', { title: 'Apéro de printemps', tags: ['community'] }),
    allDayFrom('2026-03-13', '2026-03-17', { title: 'Semaine du vélo', tags: ['community'] }),
    timedAt('2026-03-18', '12:30', '13:30', { title: 'Talk : écrire pour le web', status: 'cancelled', tags: ['talk'] }),
    timedAt('2026-03-19', '14:00', '17:00', { title: 'Atelier photo produit', tags: ['atelier'] }),
    timedAt('2026-03-19', '15:00', '16:00', { title: 'Café des freelances', tags: ['community'] }),
    timedAt('2026-03-20', '22:00', '02:00', { title: 'Hackathon de nuit', tags: ['atelier'] }, '2026-03-21'),
    timedAt('2026-03-24', '08:30', '09:30', { title: 'Petit-déjeuner des membres', tags: ['breakfast'] }),
    timedAt('2026-03-26', '18:30', '20:30', { title: 'Meetup Python Nantes', tags: ['meetup'] }),
  ];
}

async function mount(view: string, lang = 'en', events = program(), date = '2026-03-12'): Promise<Calendar> {
  const server = calendarServer({ events });
  const el = await fixture<Calendar>(html`<cowork-event-calendar api=${api} space=${spaceId} storage="memory" .fetch=${server.fetch} view=${view} date=${date} lang=${lang}></cowork-event-calendar>`);
  await waitUntil(() => $$(el, '.view [data-id]').length > 0, 'the events load');
  await settle(el);
  return el;
}

describe('<cowork-event-calendar> screenshots', function () {
  for (const view of ['month', 'week', 'list']) {
    it(`the ${view} view`, async function () {
      this.timeout(60_000);
      const el = await mount(view);
      await screenshots(`event-calendar-${view}`, el, { settle: pause });
    });
  }

  it('the month in French', async function () {
    this.timeout(60_000);
    const el = await mount('month', 'fr');
    await waitUntil(() => $(el, '#period')!.textContent === 'Mars 2026');
    await screenshots('event-calendar-month-fr', el, { settle: pause });
  });

  it('a day’s list and an event’s dialog', async function () {
    this.timeout(60_000);
    const day = futureDate(10);
    const events = [
      timedAt(day, '09:00', '10:00', { id: 'ev_1', title: 'Permanence comptable' }),
      timedAt(day, '12:30', '13:30', { id: 'ev_2', title: 'Déjeuner conférence' }),
      timedAt(day, '14:00', '15:00', { id: 'ev_3', title: 'Permanence juridique' }),
      timedAt(day, '18:00', '20:00', {
        id: 'ev_ws',
        title: 'Atelier accessibilité numérique',
        summary: 'Deux heures pour tester vos sites avec un lecteur d’écran, en petit groupe.',
        description: 'Apportez votre ordinateur et un site à tester.\nNous verrons les bases de NVDA et de VoiceOver, puis chacun teste son site.',
        location: { kind: 'text', text: 'Salle Alvéole, 1er étage' },
        organizer: { name: 'Camille Martin' },
        tags: ['atelier', 'accessibility'],
        capacity: 12,
        waitlistEnabled: true,
        registration: { required: true, audience: ['guest', 'member'] },
      }),
    ];
    const el = await mount('month', 'en', events, day);
    const cell = $(el, '.more')!.closest<HTMLElement>('[role="gridcell"]')!;
    cell.querySelector<HTMLElement>('.more')!.click();
    await waitUntil(() => openDialog(el)?.querySelector('.entry'), 'the day opens');
    await settle(el);
    await screenshots('event-calendar-day', openDialog(el)!, { settle: pause });
    openDialog(el)!.querySelector<HTMLElement>('.entry[data-id="ev_ws"]')!.click();
    await waitUntil(() => openDialog(el)?.querySelector('.registration'), 'the event opens');
    await settle(el);
    await screenshots('event-calendar-dialog', openDialog(el)!, { settle: pause });
  });
});
