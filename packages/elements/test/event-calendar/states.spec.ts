// <cowork-event-calendar>'s states: loading (without a layout jump), empty, error with a retry,
// offline, a server without events, no API configured; axe in each.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/event-calendar/define.ts';
import type { CoworkEvent } from '../../src/events.ts';
import { expectNoAxeViolations } from '../support/axe.ts';
import { api, spaceId } from '../support/fixtures.ts';
import { $, $$, calendarServer, settle, textOf, timedAt, type Calendar, type CalendarServer } from './support.ts';

const events = () => [timedAt('2026-03-12', '10:00', '11:00', { id: 'ev_a', title: 'Atelier' }), timedAt('2026-03-20', '18:00', '20:00', { id: 'ev_b', title: 'Apéro' })];

async function mount(server: CalendarServer, view = 'month'): Promise<Calendar> {
  const el = await fixture<Calendar>(html`<cowork-event-calendar api=${api} space=${spaceId} storage="memory" .fetch=${server.fetch} view=${view} date="2026-03-12" lang="en"></cowork-event-calendar>`);
  await el.updateComplete;
  return el;
}

function setOnline(online: boolean): void {
  Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => online });
  window.dispatchEvent(new Event(online ? 'online' : 'offline'));
}

describe('<cowork-event-calendar> states', () => {
  afterEach(() => {
    delete (navigator as { onLine?: boolean }).onLine;
  });

  it('draws the calendar while loading, and the events arrive without moving it', async () => {
    const server = calendarServer({ events: events() });
    const space = server.hold('GET /spaces/{spaceId}');
    const list = server.hold('GET /spaces/{spaceId}/events');
    const el = await mount(server);
    await space.reached;
    await settle(el);
    expect($(el, '.month')!.getAttribute('aria-busy')).to.equal('true');
    expect(textOf(el)).to.contain('Loading the events…');
    const before = $(el, '.month')!.getBoundingClientRect();
    await expectNoAxeViolations(el);
    space.release();
    await list.reached;
    await settle(el);
    expect($(el, '.month')!.getAttribute('aria-busy')).to.equal('true');
    list.release();
    await waitUntil(() => $$(el, '.seg').length === 2, 'the events show');
    const after = $(el, '.month')!.getBoundingClientRect();
    // Nothing moves (sub-pixel rounding aside).
    expect(after.top).to.be.closeTo(before.top, 0.5);
    expect(after.height).to.be.closeTo(before.height, 0.5);
    expect(textOf(el)).not.to.contain('Loading the events…');
  });

  it('shows the list’s loading state, then its events', async () => {
    const server = calendarServer({ events: events() });
    const list = server.hold('GET /spaces/{spaceId}/events');
    const el = await mount(server, 'list');
    await list.reached;
    await settle(el);
    expect($(el, '[part~="loading"]')!.getAttribute('role')).to.equal('status');
    await expectNoAxeViolations(el);
    list.release();
    await waitUntil(() => $$(el, '.entry').length === 2, 'the events show');
  });

  it('says when a period has no event, in each view', async () => {
    const server = calendarServer({ events: [] });
    const el = await mount(server);
    await waitUntil(() => textOf(el).includes('No events in March 2026.'), 'the month says it is empty');
    await expectNoAxeViolations(el);
    el.setView('list');
    await settle(el);
    expect($(el, '[part~="empty"]')!.textContent).to.contain('No events in March 2026.');
    await expectNoAxeViolations(el);
    [...$(el, '[part~="empty"]')!.querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Next month')!.click();
    await settle(el);
    expect($(el, '#period')!.textContent).to.equal('April 2026');
  });

  it('explains a failure to load the events, and tries again', async () => {
    const server = calendarServer({ events: events() });
    server.fail('GET /spaces/{spaceId}/events', { status: 500, title: 'Internal Server Error' });
    const error = oneEvent(document, 'cowork-error') as Promise<CoworkEvent<'cowork-error'>>;
    const el = await mount(server);
    expect((await error).detail.operation).to.equal('listEvents');
    await waitUntil(() => $(el, '[part~="error"]'), 'the error shows', { timeout: 8000 });
    expect($(el, '[part~="error"]')!.getAttribute('role')).to.equal('alert');
    expect($(el, '[part~="error"]')!.textContent).to.contain('The events could not be loaded');
    await expectNoAxeViolations(el);
    server.clearFailures();
    $(el, '[part~="retry-button"]')!.click();
    await waitUntil(() => $$(el, '.seg').length === 2, 'the events show after the retry');
  });

  it('explains a failure to load the space, and tries again', async () => {
    const server = calendarServer({ events: events() });
    server.failNext('GET /spaces/{spaceId}', { status: 404, title: 'Not Found' });
    const el = await mount(server);
    await waitUntil(() => $(el, '[part~="error"]'), 'the error shows');
    expect($(el, '[part~="error"]')!.textContent).to.contain('This could not be found.');
    await expectNoAxeViolations(el);
    $(el, '[part~="retry-button"]')!.click();
    await waitUntil(() => $$(el, '.seg').length === 2, 'the events show after the retry');
  });

  it('says when the visitor is offline, and loads once back online', async () => {
    const server = calendarServer({ events: events() });
    const el = await mount(server);
    await waitUntil(() => $$(el, '.seg').length === 2);
    server.fail('GET /spaces/{spaceId}/events', 'network');
    setOnline(false);
    // The next month cannot be loaded.
    $$<HTMLButtonElement>(el, '.nav button')[2]!.click();
    await waitUntil(() => $(el, '[part~="offline"]'), 'the offline state shows', { timeout: 8000 });
    expect(textOf(el)).to.contain('You are offline. The events shown may be out of date.');
    await expectNoAxeViolations(el);
    server.clearFailures();
    server.events.push(timedAt('2026-04-02', '10:00', '11:00', { id: 'ev_april' }));
    setOnline(true);
    await waitUntil(() => $$(el, '.seg[data-id="ev_april"]').length === 1, 'the month loads once back online');
    expect(textOf(el)).not.to.contain('You are offline');
  });

  it('says when the server does not offer events', async () => {
    const server = calendarServer({ events: events(), features: ['ical', 'registrations'] });
    const el = await mount(server);
    await waitUntil(() => $(el, '[part~="unsupported"]'), 'the unsupported state shows');
    expect($(el, '[part~="unsupported"]')!.textContent).to.contain('This server does not offer events.');
    await expectNoAxeViolations(el);

    // A server that answers 501 without saying so in its discovery document.
    const other = calendarServer({ events: events() });
    other.fail('GET /spaces/{spaceId}/events', { status: 501, title: 'Not Implemented' });
    const second = await mount(other);
    await waitUntil(() => $(second, '[part~="unsupported"]'), 'the unsupported state shows');
  });

  it('tells the webmaster when it is not connected to a space', async () => {
    const el = await fixture<Calendar>(html`<cowork-event-calendar lang="en"></cowork-event-calendar>`);
    await el.updateComplete;
    expect(textOf(el)).to.contain('This element is not connected to a space yet.');
    await expectNoAxeViolations(el);
  });
});
