// <cowork-event-calendar>: the month, week and list views, navigation, placement in the space's
// time zone (multi-day, overnight, overlapping events, daylight-saving weeks), "+N more", the tag
// filter, members-only events, the default view by width, requests, English and French, axe.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { nothing } from 'lit';
import '../../src/event-calendar/define.ts';
import '../../src/space/define.ts';
import { activateLocale } from '../../src/localization/localization.ts';
import { expectNoAxeViolations } from '../support/axe.ts';
import { api, spaceId } from '../support/fixtures.ts';
import { $, $$, allDayFrom, announced, calendarServer, drawn, ev, openDialog, settle, textOf, timedAt, type Calendar, type CalendarServer, type Event } from './support.ts';

/** March 2026 in Paris: a fair over three days, a crowded Thursday, an overnight hackathon, a cancelled talk, a members' breakfast. */
function march(): Event[] {
  return [
    allDayFrom('2026-03-09', '2026-03-11', { id: 'ev_fair', title: 'Salon des indépendants', tags: ['fair'] }),
    timedAt('2026-03-12', '09:00', '10:00', { id: 'ev_a', title: 'Petit-déjeuner', tags: ['breakfast'] }),
    timedAt('2026-03-12', '09:30', '11:00', { id: 'ev_b', title: 'Atelier accessibilité', tags: ['atelier'] }),
    timedAt('2026-03-12', '12:00', '13:30', { id: 'ev_c', title: 'Déjeuner conférence', tags: ['talk'] }),
    timedAt('2026-03-12', '14:00', '15:00', { id: 'ev_d', title: 'Permanence comptable', tags: ['advice'] }),
    timedAt('2026-03-12', '18:00', '20:00', { id: 'ev_e', title: 'Apéro', tags: ['community'] }),
    allDayFrom('2026-03-13', '2026-03-17', { id: 'ev_week', title: 'Semaine du vélo', tags: ['community'] }),
    timedAt('2026-03-20', '22:00', '02:00', { id: 'ev_night', title: 'Hackathon de nuit', tags: ['atelier'] }, '2026-03-21'),
    timedAt('2026-03-18', '10:00', '11:00', { id: 'ev_cancelled', title: 'Talk annulé', status: 'cancelled', tags: ['talk'] }),
    timedAt('2026-03-17', '08:30', '09:30', { id: 'ev_members', title: 'Réservé aux membres', visibility: 'members' }),
  ];
}

interface MountOptions {
  view?: string;
  date?: string;
  lang?: string;
  tag?: string;
  server?: CalendarServer;
  width?: number;
}

async function mount(options: MountOptions = {}): Promise<{ el: Calendar; server: CalendarServer }> {
  const server = options.server ?? calendarServer({ events: march() });
  const wrapper = await fixture<HTMLDivElement>(html`<div style=${`width: ${options.width ?? 1000}px`}>
    <cowork-event-calendar
      api=${api}
      space=${spaceId}
      storage="memory"
      .fetch=${server.fetch}
      view=${options.view ?? nothing}
      date=${options.date ?? '2026-03-12'}
      lang=${options.lang ?? 'en'}
      tag=${options.tag ?? nothing}
    ></cowork-event-calendar>
  </div>`);
  const el = wrapper.querySelector<Calendar>('cowork-event-calendar')!;
  await waitUntil(() => $$(el, '.view').length && !$(el, '[aria-busy="true"]') && !$(el, '.state.loading'), 'the events load');
  // The page has one active locale, loaded asynchronously: wait until it is this element's.
  await activateLocale(options.lang ?? 'en');
  await settle(el);
  return { el, server };
}

const style = (element: HTMLElement, name: string) => element.style.getPropertyValue(name).trim();

describe('<cowork-event-calendar> views', () => {
  afterEach(() => sessionStorage.clear());

  describe('month', () => {
    it('draws six weeks of seven days, the month title and the weekdays, weeks from the locale', async () => {
      const { el } = await mount({ view: 'month' });
      expect($(el, '#period')!.textContent).to.equal('March 2026');
      expect($$(el, '[role="gridcell"]')).to.have.length(42);
      expect($$(el, '[role="row"]')).to.have.length(7);
      // English (United States): weeks from Sunday; the grid starts on Sunday 1 March.
      expect($$(el, '[role="columnheader"]').map((h) => h.getAttribute('aria-label'))[0]).to.equal('Sunday');
      expect($(el, '[role="gridcell"]')!.textContent).to.contain('Sunday, March 1, 2026');
      expect($$(el, '.day.out')).to.have.length(11);
      await expectNoAxeViolations(el);
    });

    it('draws a multi-day event as one bar across its days, split at the end of a week', async () => {
      const { el } = await mount({ view: 'month' });
      const [fair] = drawn(el, 'ev_fair');
      expect(style(fair!, '--s')).to.equal('3');
      expect(fair!.closest('[role="gridcell"]')!.textContent).to.contain('March 9');
      // 13–17 March: Friday and Saturday in one week, Sunday to Tuesday in the next.
      const week = drawn(el, 'ev_week');
      expect(week.map((s) => style(s, '--s'))).to.deep.equal(['2', '3']);
      expect(week[0]!.classList.contains('after')).to.equal(true);
      expect(week[1]!.classList.contains('before')).to.equal(true);
    });

    it('shows three events per day and "+N more", which opens the day', async () => {
      const { el } = await mount({ view: 'month' });
      const cell = $(el, '[role="gridcell"][data-day] .more')!.closest<HTMLElement>('[role="gridcell"]')!;
      expect(cell.textContent).to.contain('March 12, 2026, 5 events');
      expect(cell.querySelectorAll('.seg')).to.have.length(3);
      const more = cell.querySelector<HTMLButtonElement>('.more')!;
      expect(more.textContent).to.contain('+2 more');
      more.click();
      await waitUntil(() => openDialog(el)?.querySelectorAll('.entry').length === 5, 'the day opens with its five events');
      expect(openDialog(el)!.querySelector('h2')!.textContent).to.equal('Thursday, March 12, 2026');
      await expectNoAxeViolations(el);
      openDialog(el)!.close();
    });

    it('marks a cancelled event, and today', async () => {
      const { el } = await mount({ view: 'month' });
      const [cancelled] = drawn(el, 'ev_cancelled');
      expect(cancelled!.classList.contains('cancelled')).to.equal(true);
      expect(cancelled!.textContent).to.contain('Cancelled:');
      // Today is in November 2026: move there.
      ($$(el, '.nav button')[1] as HTMLButtonElement).click();
      await settle(el);
      expect($$(el, '[aria-current="date"]')).to.have.length(1);
    });

    it('fetches the 42 days of the grid in the space zone, page after page', async () => {
      const server = calendarServer({ events: Array.from({ length: 250 }, (_, i) => timedAt(`2026-03-${String(1 + (i % 28)).padStart(2, '0')}`, '10:00', '11:00', { id: `ev_${i}` })) });
      const { el } = await mount({ view: 'month', server });
      const calls = server.callsTo('GET /spaces/{spaceId}/events');
      expect(calls).to.have.length(3);
      // Sunday 1 March to Sunday 12 April, Paris midnights.
      expect(calls[0]!.query.get('from')).to.equal('2026-02-28T23:00:00Z');
      expect(calls[0]!.query.get('to')).to.equal('2026-04-11T22:00:00Z');
      expect(calls[2]!.query.get('cursor')).to.equal('200');
      // The list of the same month and a week inside the grid need no other request.
      el.setView('list');
      await settle(el);
      expect($$(el, '.entry')).to.have.length(250);
      el.setView('week');
      await settle(el);
      expect(server.callsTo('GET /spaces/{spaceId}/events')).to.have.length(3);
    });
  });

  describe('week', () => {
    it('places timed events by the hour, side by side where they overlap', async () => {
      const { el } = await mount({ view: 'week' });
      expect($(el, '#period')!.textContent).to.equal('March 8 – 14, 2026');
      const [a] = drawn(el, 'ev_a');
      const [b] = drawn(el, 'ev_b');
      const [c] = drawn(el, 'ev_c');
      // 09:00 is 37.5 % of the day; the two morning events share the width.
      expect(a!.style.top).to.equal('37.5%');
      expect(a!.style.height).to.equal('4.167%');
      expect([a!.style.left, a!.style.width]).to.deep.equal(['0%', '50%']);
      expect([b!.style.left, b!.style.width]).to.deep.equal(['50%', '50%']);
      expect([c!.style.left, c!.style.width]).to.deep.equal(['0%', '100%']);
      expect(a!.textContent).to.contain('9:00 AM').and.to.contain('Petit-déjeuner');
      // The fair is in the all-day row, across Monday to Wednesday.
      const [fair] = drawn(el, 'ev_fair');
      expect(Boolean(fair!.closest('.wk-allday'))).to.equal(true);
      // The hours are scrolled to the morning: half an hour before 08:00 or the week's earliest event.
      await waitUntil(() => $(el, '.wk-body')!.scrollTop > 0, 'the hours scroll to the morning');
      const body = $(el, '.wk-body')!;
      expect(body.scrollTop / body.scrollHeight).to.be.closeTo(7.5 / 24, 0.01);
      expect(style(fair!, '--s')).to.equal('3');
      await expectNoAxeViolations(el);
    });

    it('splits an event running past midnight over its two days', async () => {
      const { el } = await mount({ view: 'week', date: '2026-03-20' });
      const parts = drawn(el, 'ev_night');
      expect(parts).to.have.length(2);
      expect(parts[0]!.closest('.wk-col') === parts[1]!.closest('.wk-col')).to.equal(false);
      expect(parts[0]!.style.top).to.equal('91.667%');
      expect(parts[0]!.classList.contains('after')).to.equal(true);
      expect(parts[1]!.style.top).to.equal('0%');
      expect(parts[1]!.classList.contains('before')).to.equal(true);
    });

    it('keeps wall-clock hours in the week the clocks go forward, and says so', async () => {
      const server = calendarServer({
        events: [
          timedAt('2026-03-29', '03:30', '04:30', { id: 'ev_after' }),
          // 01:30 to 03:30 on the wall clock is one hour of time: drawn from 01:30 to 03:30.
          timedAt('2026-03-29', '01:30', '03:30', { id: 'ev_across' }),
          timedAt('2026-03-30', '09:00', '10:00', { id: 'ev_monday' }),
        ],
      });
      const { el } = await mount({ view: 'week', date: '2026-03-29', server });
      expect($(el, '#period')!.textContent).to.equal('March 29 – April 4, 2026');
      expect(drawn(el, 'ev_after')[0]!.style.top).to.equal('14.583%');
      const across = drawn(el, 'ev_across')[0]!;
      expect([across.style.top, across.style.height]).to.deep.equal(['6.25%', '8.333%']);
      expect(drawn(el, 'ev_monday')[0]!.style.top).to.equal('37.5%');
      expect($(el, '#wd-0')!.textContent).to.contain('Clocks go forward at 2:00 AM');
      expect($$(el, '.dst')).to.have.length(1);
    });

    it('and in the week they go back', async () => {
      const server = calendarServer({ events: [timedAt('2026-10-25', '10:00', '11:00', { id: 'ev_sunday' })] });
      const { el } = await mount({ view: 'week', date: '2026-10-25', lang: 'fr', server });
      expect($(el, '#wd-6')!.textContent).to.contain('Passage à l’heure d’hiver à 03:00');
      // Monday first in French: Sunday is the seventh column, and 10:00 is still at 10:00.
      expect(drawn(el, 'ev_sunday')[0]!.closest('.wk-col')!.getAttribute('aria-labelledby')).to.equal('wd-6');
      expect(drawn(el, 'ev_sunday')[0]!.style.top).to.equal('41.667%');
    });
  });

  describe('list', () => {
    it('lists the days with events, a multi-day event on each of its days', async () => {
      const { el } = await mount({ view: 'list' });
      const headings = $$(el, '.list-date').map((h) => h.textContent!.trim());
      expect(headings[0]).to.equal('Monday, March 9, 2026');
      expect(drawn(el, 'ev_fair').map((e) => e.querySelector('.when')!.textContent)).to.deep.equal(['All day (day 1 of 3)', 'All day (day 2 of 3)', 'All day (day 3 of 3)']);
      expect(drawn(el, 'ev_night').map((e) => e.querySelector('.when')!.textContent)).to.deep.equal(['From 10:00 PM', 'Until 2:00 AM']);
      expect(drawn(el, 'ev_cancelled')[0]!.textContent).to.contain('Cancelled');
      await expectNoAxeViolations(el);
    });

    it('is the default view below 600 px of the element’s own width, the month above', async () => {
      const { el } = await mount({ width: 400 });
      expect(el.currentView).to.equal('list');
      const wrapper = el.parentElement!;
      wrapper.style.width = '900px';
      await waitUntil(() => el.currentView === 'month', 'the month shows once wider');
      wrapper.style.width = '320px';
      await waitUntil(() => el.currentView === 'list', 'the list shows again once narrow');
      // A view chosen by the visitor stays whatever the width.
      el.setView('week');
      wrapper.style.width = '900px';
      await new Promise((wake) => setTimeout(wake, 100));
      expect(el.currentView).to.equal('week');
    });
  });

  describe('narrow', () => {
    for (const lang of ['en', 'fr']) {
      it(`keeps its toolbar and filter inside 240 px, a 320 px page's width within its margins (${lang})`, async () => {
        const { el } = await mount({ width: 240, lang });
        const right = el.getBoundingClientRect().right;
        const controls = $$(el, '.toolbar *, .filters *');
        expect(controls.length).to.be.greaterThan(5);
        const outside = controls.filter((c) => c.getBoundingClientRect().right > right + 0.5).map((c) => c.textContent!.trim() || c.localName);
        expect(outside, 'controls past the right edge').to.deep.equal([]);
      });
    }
  });

  describe('navigation', () => {
    it('moves by months and weeks, comes back to today, and announces each period', async () => {
      const { el, server } = await mount({ view: 'month' });
      const [previous, today, next] = $$<HTMLButtonElement>(el, '.nav button');
      expect(previous!.getAttribute('aria-label')).to.equal('Previous month');
      next!.click();
      await settle(el);
      expect($(el, '#period')!.textContent).to.equal('April 2026');
      expect(await announced(el)).to.equal('April 2026: no events.');
      previous!.click();
      previous!.click();
      await settle(el);
      expect($(el, '#period')!.textContent).to.equal('February 2026');
      next!.click();
      await settle(el);
      expect(await announced(el)).to.equal('March 2026: 9 events.');
      // The week view moves by weeks.
      $$<HTMLButtonElement>(el, '.views button')[1]!.click();
      await settle(el);
      expect($$(el, '.views button')[1]!.getAttribute('aria-pressed')).to.equal('true');
      expect($(el, '#period')!.textContent).to.equal('March 1 – 7, 2026');
      expect($$(el, '.nav button')[2]!.getAttribute('aria-label')).to.equal('Next week');
      $$<HTMLButtonElement>(el, '.nav button')[2]!.click();
      await settle(el);
      expect($(el, '#period')!.textContent).to.equal('March 8 – 14, 2026');
      today!.click();
      await settle(el);
      expect(el.currentDate).to.equal(new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date()));
      expect(server.callsTo('GET /spaces/{spaceId}/events').length).to.be.greaterThan(1);
    });

    it('starts from the view and date attributes', async () => {
      const { el } = await mount({ view: 'week', date: '2026-12-24' });
      expect($(el, '#period')!.textContent).to.equal('December 20 – 26, 2026');
      el.setAttribute('date', '2027-01-05');
      el.setAttribute('view', 'month');
      await settle(el);
      expect($(el, '#period')!.textContent).to.equal('January 2027');
    });
  });

  describe('filters', () => {
    it('filters by tag, with the counts of each tag', async () => {
      const { el } = await mount({ view: 'list' });
      const select = $<HTMLSelectElement>(el, '#tag-filter')!;
      expect([...select.options].map((o) => o.textContent!.trim())).to.deep.equal(['All topics', 'advice (1)', 'atelier (2)', 'breakfast (1)', 'community (2)', 'fair (1)', 'talk (2)']);
      select.value = 'atelier';
      select.dispatchEvent(new Event('change'));
      await settle(el);
      expect(new Set($$(el, '.entry').map((e) => e.dataset.id))).to.deep.equal(new Set(['ev_b', 'ev_night']));
      expect(await announced(el)).to.equal('March 2026: 2 events.');
    });

    it('starts from the tag attribute', async () => {
      const { el } = await mount({ view: 'month', tag: 'talk' });
      expect(new Set($$(el, '.view [data-id]').map((e) => e.dataset.id))).to.deep.equal(new Set(['ev_c', 'ev_cancelled']));
    });

    it('shows members-only events once a member is signed in, and only then', async () => {
      const { el, server } = await mount({ view: 'list' });
      expect(drawn(el, 'ev_members')).to.have.length(0);
      expect(server.callsTo('GET /spaces/{spaceId}/events')[0]!.token).to.equal(null);
      const token = server.signIn();
      // The same session as the calendar's connection: sign in through it.
      const { connect } = await import('../../src/context/connection.ts');
      connect({ api, spaceId, fetch: server.fetch }).session.signIn(token);
      await waitUntil(() => drawn(el, 'ev_members').length === 1, 'the members-only event shows');
      expect(drawn(el, 'ev_members')[0]!.textContent).to.contain('Members only');
      expect(server.callsTo('GET /spaces/{spaceId}/events').at(-1)!.token).to.equal(token.token);
    });

    it('never shows a members-only event to a visitor, even when the page hands it over', async () => {
      const el = await fixture<Calendar>(html`<cowork-event-calendar view="list" date="2026-03-12" time-zone="Europe/Paris" lang="en" .events=${march()}></cowork-event-calendar>`);
      await settle(el);
      expect($$(el, '.entry').length).to.be.greaterThan(5);
      expect(drawn(el, 'ev_members')).to.have.length(0);
    });
  });

  describe('languages', () => {
    it('speaks French: titles, weekdays from Monday, times, "+N more"', async () => {
      const { el } = await mount({ view: 'month', lang: 'fr' });
      await waitUntil(() => $(el, '.nav button:nth-child(2)')!.textContent!.includes('Aujourd’hui'), 'the French messages load');
      expect($(el, '#period')!.textContent).to.equal('Mars 2026');
      expect($$(el, '[role="columnheader"]')[0]!.getAttribute('aria-label')).to.equal('lundi');
      expect($(el, '.more')!.textContent).to.contain('+2 autres');
      expect(drawn(el, 'ev_a')[0]!.textContent).to.contain('09:00');
      expect(textOf(el)).to.contain('jeudi 12 mars 2026, 5 événements');
      el.setView('list');
      await settle(el);
      expect(drawn(el, 'ev_fair')[0]!.querySelector('.when')!.textContent).to.equal('Toute la journée (jour 1 sur 3)');
      await expectNoAxeViolations(el);
    });

    it('shows the events’ own translations', async () => {
      const server = calendarServer({ events: [timedAt('2026-03-12', '10:00', '11:00', { id: 'ev_t', title: 'Atelier vélo', summary: 'Réparer son vélo', translations: { en: { title: 'Bike workshop', summary: 'Fix your bike' } } })] });
      const { el } = await mount({ view: 'list', server });
      expect(drawn(el, 'ev_t')[0]!.textContent).to.contain('Bike workshop').and.to.contain('Fix your bike');
    });
  });

  it('works inside a <cowork-space>, with its client and session', async () => {
    const server = calendarServer({ events: march() });
    const root = await fixture<HTMLElement>(html`<cowork-space api=${api} space=${spaceId} storage="memory" .fetch=${server.fetch}>
      <cowork-event-calendar view="list" date="2026-03-12" lang="en"></cowork-event-calendar>
    </cowork-space>`);
    const el = root.querySelector<Calendar>('cowork-event-calendar')!;
    await waitUntil(() => $$(el, '.entry').length > 0, 'the events load through the provider');
    expect(drawn(el, 'ev_members')).to.have.length(0);
    (root as HTMLElement & { session: { signIn(token: unknown): void } }).session.signIn(server.signIn());
    await waitUntil(() => drawn(el, 'ev_members').length === 1, 'the members-only event shows once signed in');
    expect(server.callsTo('GET /spaces/{spaceId}')).to.have.length(1);
  });

  it('renders events given by the page without any request, in the given time zone', async () => {
    const events = [ev({ id: 'ev_ny', title: 'New York breakfast', start: '2026-03-12T13:00:00Z', end: '2026-03-12T14:00:00Z' })];
    const el = await fixture<Calendar>(html`<cowork-event-calendar view="week" date="2026-03-12" time-zone="America/New_York" lang="en" .events=${events}></cowork-event-calendar>`);
    await settle(el);
    // 13:00 UTC is 09:00 in New York (summer time since 8 March).
    expect(drawn(el, 'ev_ny')[0]!.style.top).to.equal('37.5%');
    expect(drawn(el, 'ev_ny')[0]!.textContent).to.contain('9:00 AM');
  });
});
