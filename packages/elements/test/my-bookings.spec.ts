import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../src/space/define.ts';
import '../src/my-bookings/define.ts';
import type { CoworkMyBookings } from '../src/my-bookings/my-bookings.ts';
import type { CoworkSpace } from '../src/space/space.ts';
import { expectNoAxeViolations } from './support/axe.ts';
import { createFixtureServer, type FixtureServer } from './support/fixture-server.ts';
import { api, memberEmail, spaceId } from './support/fixtures.ts';
import { deepActiveElement, press, tabUntil, type } from './support/keyboard.ts';

const $ = <T extends Element = HTMLElement>(el: CoworkMyBookings, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const $$ = (el: CoworkMyBookings, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
const text = (el: Element) => (el.shadowRoot ?? el).textContent!.replace(/\s+/g, ' ');

async function mount(server: FixtureServer, options: { lang?: string; signedIn?: boolean } = {}): Promise<CoworkMyBookings> {
  const root = await fixture<HTMLElement>(
    html`<div lang=${options.lang ?? 'en'}><cowork-space api=${api} space=${spaceId} storage="memory" .fetch=${server.fetch}><cowork-my-bookings></cowork-my-bookings></cowork-space></div>`,
  );
  const provider = root.querySelector<CoworkSpace>('cowork-space')!;
  if (options.signedIn !== false) provider.session!.signIn(server.signIn());
  return root.querySelector('cowork-my-bookings')!;
}

const loaded = (element: CoworkMyBookings) => waitUntil(() => $(element, '[part~="list"]') || $(element, '[part~="empty"]'), 'the bookings load');

describe('<cowork-my-bookings>', () => {
  let server: FixtureServer;
  beforeEach(() => {
    server = createFixtureServer();
  });
  afterEach(() => sessionStorage.clear());

  it('lists the upcoming bookings, not the past or cancelled ones, with resource, date, time, status and price', async () => {
    const element = await mount(server);
    await loaded(element);
    const items = $$(element, '[part~="booking"]');
    expect(items.map((li) => li.id)).to.deep.equal(['b-bk_soon', 'b-bk_workshop', 'b-bk_pending']);
    const workshop = text(items[1]!);
    expect(workshop).to.contain('Workshop room');
    expect(workshop).to.contain('Atelier design produit');
    expect(workshop).to.match(/10:00\s*AM\s*–\s*12:00\s*PM|10:00\s*–\s*12:00/);
    expect(workshop).to.contain('Confirmed');
    expect(workshop).to.contain('€50');
    expect(text(items[0]!)).to.contain('Free');
    expect(text(items[0]!)).to.contain('Too close to the start to cancel online');
    expect(text(items[2]!)).to.contain('Awaiting approval');
    const query = server.callsTo('GET /spaces/{spaceId}/bookings')[0]!.query;
    expect(Date.now() - Date.parse(query.get('from')!)).to.be.below(10_000);
    await expectNoAxeViolations(element);
  });

  it('cancels a booking after a confirmation, with If-Match, and tells the page', async () => {
    const element = await mount(server);
    await loaded(element);
    const item = $(element, '#b-bk_workshop')!;
    item.querySelector<HTMLButtonElement>('[part~="cancel-button"]')!.click();
    await element.updateComplete;
    const confirm = item.querySelector('[part~="confirm"]')!;
    expect(text(confirm)).to.contain('Cancel Workshop room on');
    expect(deepActiveElement()?.textContent?.trim()).to.equal('Yes, cancel it');
    await expectNoAxeViolations(element);
    const cancelled = oneEvent(element, 'cowork-booking-cancelled');
    (deepActiveElement() as HTMLButtonElement).click();
    const event = await cancelled;
    expect(event.detail.booking.id).to.equal('bk_workshop');
    expect(event.detail.booking.status).to.equal('cancelled');
    const call = server.callsTo('POST /spaces/{spaceId}/bookings/{bookingId}/cancel')[0]!;
    expect(call.headers.get('if-match')).to.equal('"1"');
    await element.updateComplete;
    expect(text($(element, '#b-bk_workshop')!)).to.contain('Cancelled');
    expect($(element, '#b-bk_workshop [part~="cancel-button"]')).to.equal(null);
    expect(deepActiveElement()?.localName, 'focus goes to the booking').to.equal('h3');
    await waitUntil(() => text($(element, '[role="status"]')!).includes('is cancelled'), 'the cancellation is announced');
    await expectNoAxeViolations(element);
  });

  it('keeps the booking when the member changes their mind (Escape or "Keep it")', async () => {
    const element = await mount(server);
    await loaded(element);
    await tabUntil((el) => el.getAttribute('part') === 'cancel-button');
    await press('Enter');
    await element.updateComplete;
    expect($(element, '[part~="confirm"]')).to.exist;
    await press('Escape');
    await element.updateComplete;
    expect($(element, '[part~="confirm"]')).to.equal(null);
    expect(deepActiveElement()?.getAttribute('part')).to.equal('cancel-button');
    await press('Enter');
    await element.updateComplete;
    await tabUntil((el) => el.textContent?.trim() === 'Keep it');
    await press('Enter');
    await element.updateComplete;
    expect($(element, '[part~="confirm"]')).to.equal(null);
    expect(server.callsTo('POST /spaces/{spaceId}/bookings/{bookingId}/cancel')).to.have.length(0);
  });

  it('explains a refused cancellation (too late for the notice)', async () => {
    server.failNext('POST /spaces/{spaceId}/bookings/{bookingId}/cancel', { status: 422, type: 'rule-violation', code: 'cancellation_notice' });
    const element = await mount(server);
    await loaded(element);
    $(element, '#b-bk_workshop [part~="cancel-button"]')!.click();
    await element.updateComplete;
    $(element, '#b-bk_workshop [part~="confirm"] .button.danger')!.click();
    await waitUntil(() => $(element, '#b-bk_workshop [role="alert"]'), 'the refusal shows');
    expect(text($(element, '#b-bk_workshop [role="alert"]')!)).to.contain('up to 24 hours before they start');
  });

  it('shows an empty state, with the page’s own content in the empty slot', async () => {
    server.state.bookings = [];
    const root = await fixture<HTMLElement>(
      html`<cowork-space api=${api} space=${spaceId} storage="memory" .fetch=${server.fetch}><cowork-my-bookings><a slot="empty" href="#book">Book a room</a></cowork-my-bookings></cowork-space>`,
    );
    (root as CoworkSpace).session!.signIn(server.signIn());
    const element = root.querySelector('cowork-my-bookings')!;
    await waitUntil(() => $(element, '[part~="empty"]'), 'the empty state shows');
    expect(text(element)).to.contain('You have no upcoming bookings.');
    expect($(element, 'slot[name="empty"]')).to.exist;
    await expectNoAxeViolations(element);
  });

  it('invites to sign in when signed out, and lists the bookings once signed in', async () => {
    const element = await mount(server, { signedIn: false });
    await waitUntil(() => $(element, 'cowork-sign-in'), 'the embedded sign-in shows');
    expect(text(element)).to.contain('Sign in to see your upcoming bookings');
    const signIn = $(element, 'cowork-sign-in')!;
    await waitUntil(() => signIn.shadowRoot?.querySelector('#email'));
    await expectNoAxeViolations(element);
    signIn.shadowRoot!.querySelector<HTMLInputElement>('#email')!.focus();
    await type(memberEmail);
    await press('Enter');
    await waitUntil(() => signIn.shadowRoot!.querySelector('#code'));
    await (signIn as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    await type('123456');
    await press('Enter');
    await loaded(element);
    expect($$(element, '[part~="booking"]')).to.have.length(3);
  });

  it('shows an error with a retry, and retries', async () => {
    server.fail('GET /spaces/{spaceId}/bookings', { status: 500 });
    const element = await mount(server);
    await waitUntil(() => $(element, '[part~="error"]'), 'the error shows', { timeout: 5000 });
    expect(text(element)).to.contain('Your bookings could not be loaded');
    await expectNoAxeViolations(element);
    server.clearFailures();
    $(element, '[part~="retry-button"]')!.click();
    await loaded(element);
    expect($$(element, '[part~="booking"]')).to.have.length(3);
  });

  it('loads without moving the page: the skeleton reserves room', async () => {
    const held = server.hold('GET /spaces/{spaceId}/bookings');
    const element = await mount(server);
    await held.reached;
    await element.updateComplete;
    const loading = $(element, '[part~="loading"]')!;
    expect(loading.getAttribute('role')).to.equal('status');
    expect(loading.getBoundingClientRect().height).to.be.at.least(150);
    await expectNoAxeViolations(element);
    held.release();
    await loaded(element);
  });

  it('speaks French, with dates and prices the French way', async () => {
    const element = await mount(server, { lang: 'fr' });
    await loaded(element);
    await waitUntil(() => text(element).includes('Mes réservations'), 'French messages load');
    const workshop = text($(element, '#b-bk_workshop')!);
    expect(workshop).to.contain('Salle Atelier');
    expect(workshop).to.contain('Confirmée');
    expect(workshop).to.match(/50\s€/);
    expect(workshop).to.match(/10:00\s*–\s*12:00/);
    expect(text($(element, '#b-bk_soon')!)).to.contain('Gratuit');
    await expectNoAxeViolations(element);
  });

  it('shows the offline state, and reloads by itself when the connection is back', async () => {
    server.fail('GET /spaces/{spaceId}/bookings', 'network');
    const onLine = Object.getOwnPropertyDescriptor(Navigator.prototype, 'onLine')!;
    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
    try {
      window.dispatchEvent(new Event('offline'));
      const element = await mount(server);
      await waitUntil(() => $(element, '[part~="offline"]'), 'the offline state shows', { timeout: 5000 });
      expect(text(element)).to.contain('You are offline');
      await expectNoAxeViolations(element);
      server.clearFailures();
      Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => true });
      window.dispatchEvent(new Event('online'));
      await loaded(element);
      expect($$(element, '[part~="booking"]')).to.have.length(3);
    } finally {
      delete (navigator as unknown as Record<string, unknown>).onLine;
      Object.defineProperty(Navigator.prototype, 'onLine', onLine);
    }
  });

  it('goes back to the sign-in when the server no longer accepts the token', async () => {
    const element = await mount(server);
    await loaded(element);
    server.state.tokens.clear();
    const signedOut = oneEvent(element.closest('cowork-space')!, 'cowork-signed-out');
    await element.reload();
    await waitUntil(() => $(element, 'cowork-sign-in'), 'the sign-in shows again');
    await element.updateComplete;
    const sign = $(element, 'cowork-sign-in')!;
    await waitUntil(() => sign.shadowRoot?.querySelector('#email'));
    // The page hears it once, from the <cowork-space>.
    const event = await signedOut;
    expect(event.detail.reason).to.equal('expired');
    expect(event.detail.member?.displayName).to.equal('Camille Durand');
    expect(event.target).to.equal(element.closest('cowork-space'));
  });
});
