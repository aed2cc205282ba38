// <cowork-event-calendar> with the keyboard alone (real key presses): the month grid's WAI-ARIA
// grid pattern (one tab stop, arrows, Home / End, PageUp / PageDown), Enter on a day, the dialog's
// focus and its return, announcements.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/event-calendar/define.ts';
import { dayFromIso } from '../../src/event-calendar/model/zoned-date.ts';
import { expectNoAxeViolations } from '../support/axe.ts';
import { api, spaceId } from '../support/fixtures.ts';
import { deepActiveElement, press, tabUntil } from '../support/keyboard.ts';
import { $, $$, announced, calendarServer, openDialog, settle, timedAt, type Calendar } from './support.ts';

const events = () => [
  timedAt('2026-03-12', '09:00', '10:00', { id: 'ev_a', title: 'Petit-déjeuner' }),
  timedAt('2026-03-12', '09:30', '11:00', { id: 'ev_b', title: 'Atelier accessibilité' }),
  timedAt('2026-03-12', '12:00', '13:30', { id: 'ev_c', title: 'Déjeuner conférence' }),
  timedAt('2026-03-12', '14:00', '15:00', { id: 'ev_d', title: 'Permanence comptable' }),
  timedAt('2026-03-18', '10:00', '11:00', { id: 'ev_talk', title: 'Talk' }),
];

async function mount(lang = 'en'): Promise<Calendar> {
  const server = calendarServer({ events: events() });
  const el = await fixture<Calendar>(html`<cowork-event-calendar api=${api} space=${spaceId} storage="memory" .fetch=${server.fetch} view="month" date="2026-03-12" lang=${lang}></cowork-event-calendar>`);
  await waitUntil(() => $$(el, '.seg').length > 0, 'the events load');
  await settle(el);
  return el;
}

const focusedDay = () => {
  const active = deepActiveElement() as HTMLElement | null;
  return active?.getAttribute('role') === 'gridcell' ? Number(active.dataset.day) : undefined;
};
const day = dayFromIso;

describe('<cowork-event-calendar> keyboard', () => {
  it('makes the month grid one tab stop, with arrows, Home, End, PageUp and PageDown between days', async () => {
    const el = await mount();
    await tabUntil((e) => e.getAttribute('role') === 'gridcell');
    expect(focusedDay()).to.equal(day('2026-03-12'));
    expect($$(el, '[role="gridcell"][tabindex="0"]')).to.have.length(1);
    const moves: [string, string][] = [
      ['ArrowRight', '2026-03-13'],
      ['ArrowDown', '2026-03-20'],
      ['ArrowLeft', '2026-03-19'],
      ['ArrowUp', '2026-03-12'],
      ['Home', '2026-03-08'],
      ['End', '2026-03-14'],
    ];
    for (const [key, date] of moves) {
      await press(key);
      await settle(el);
      expect(focusedDay(), `${key} moves to ${date}`).to.equal(day(date));
      expect($$(el, '[role="gridcell"][tabindex="0"]').map((c) => Number(c.dataset.day))).to.deep.equal([day(date)]);
    }
    await press('PageDown');
    await settle(el);
    expect(focusedDay()).to.equal(day('2026-04-14'));
    expect($(el, '#period')!.textContent).to.equal('April 2026');
    expect(await announced(el)).to.equal('April 2026: no events.');
    await press('PageUp');
    await settle(el);
    expect(focusedDay()).to.equal(day('2026-03-14'));
    await sendKeys({ down: 'Shift' });
    await press('PageDown');
    await sendKeys({ up: 'Shift' });
    await settle(el);
    expect(focusedDay()).to.equal(day('2027-03-14'));
    await sendKeys({ down: 'Shift' });
    await press('PageUp');
    await sendKeys({ up: 'Shift' });
    await settle(el);
    // Moving past the grid's last row changes the month too.
    for (const _ of [1, 2, 3]) await press('ArrowDown');
    await settle(el);
    expect(focusedDay()).to.equal(day('2026-04-04'));
    expect($(el, '#period')!.textContent).to.equal('April 2026');
    // Tab leaves the grid at once.
    await press('Tab');
    expect(deepActiveElement()!.localName).to.equal('summary');
  });

  it('opens a day’s only event with Enter, and gives the focus back on Escape', async () => {
    const el = await mount();
    await tabUntil((e) => e.getAttribute('role') === 'gridcell');
    for (const _ of [1, 2, 3, 4, 5, 6]) await press('ArrowRight');
    await settle(el);
    expect(focusedDay()).to.equal(day('2026-03-18'));
    await press('Enter');
    await waitUntil(() => openDialog(el), 'the event opens');
    await settle(el);
    expect(openDialog(el)!.matches(':modal')).to.equal(true);
    expect(deepActiveElement()!.id).to.equal('dialog-title');
    expect(deepActiveElement()!.textContent).to.equal('Talk');
    await press('Escape');
    await waitUntil(() => !openDialog(el), 'the dialog closes');
    expect(focusedDay()).to.equal(day('2026-03-18'));
  });

  it('opens a crowded day’s list, one of its events, back to the list, and returns to the day', async () => {
    const el = await mount();
    await tabUntil((e) => e.getAttribute('role') === 'gridcell');
    await press('Enter');
    await waitUntil(() => openDialog(el)?.querySelectorAll('.entry').length === 4, 'the day opens with its four events');
    expect(deepActiveElement()!.textContent).to.equal('Thursday, March 12, 2026');
    await expectNoAxeViolations(el);
    await tabUntil((e) => e.classList.contains('entry'));
    await press('Tab');
    expect(deepActiveElement()!.textContent).to.contain('Atelier accessibilité');
    await press('Enter');
    await waitUntil(() => $(el, '#dialog-title')?.textContent === 'Atelier accessibilité', 'the event opens');
    await settle(el);
    expect(deepActiveElement()!.id).to.equal('dialog-title');
    // The focus stays inside the modal dialog: Shift+Tab from its heading reaches its own controls.
    const back = $(el, '.back')!;
    expect(back.textContent).to.equal('Back to Thursday, March 12, 2026');
    back.focus();
    await press('Enter');
    await waitUntil(() => openDialog(el)?.querySelectorAll('.entry').length === 4, 'back to the day');
    await press('Escape');
    await waitUntil(() => !openDialog(el), 'the dialog closes');
    expect(focusedDay()).to.equal(day('2026-03-12'));
  });

  it('says so when a day has no event', async () => {
    const el = await mount();
    await tabUntil((e) => e.getAttribute('role') === 'gridcell');
    await press('ArrowLeft');
    await press('Enter');
    expect(await announced(el)).to.equal('No events on Wednesday, March 11, 2026.');
    expect(Boolean(openDialog(el))).to.equal(false);
  });

  it('works in French, weeks from Monday', async () => {
    const el = await mount('fr');
    await waitUntil(() => $(el, '#period')!.textContent === 'Mars 2026', 'the French messages load');
    await tabUntil((e) => e.getAttribute('role') === 'gridcell');
    await press('Home');
    await settle(el);
    expect(focusedDay()).to.equal(day('2026-03-09'));
    await press('End');
    await settle(el);
    expect(focusedDay()).to.equal(day('2026-03-15'));
    await press('PageDown');
    expect(await announced(el)).to.equal('Avril 2026 : aucun événement.');
  });
});
