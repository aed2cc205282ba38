import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/space/define.ts';
import '../../src/booking/define.ts';
import type { CoworkBooking } from '../../src/booking/booking.ts';
import { expectNoAxeViolations } from '../support/axe.ts';
import { memberEmail } from '../support/fixtures.ts';
import { deepActiveElement, press, type } from '../support/keyboard.ts';
import { atParis, bookingDay, bookingServer, deep, deepAll, mountBooking, settle, text, type BookingServer } from './support.ts';

const CREATE = 'POST /spaces/{spaceId}/bookings';

/** The start-time radios, by their label (`10:00 AM`, `10:00`). */
const times = (el: CoworkBooking) => deepAll<HTMLInputElement>(el, '.times input').map((i) => i.closest('label')!.textContent!.trim());

async function waitForTimes(el: CoworkBooking): Promise<void> {
  await waitUntil(() => deep(el, '.times input') || text(el).includes('No time left') || deep(el, '[part~="error"]'), 'the times load', { timeout: 5000 });
  await settle(el);
}

/** Picks `date` in the calendar (moving months if needed) with clicks. */
async function pickDate(el: CoworkBooking, date: string): Promise<void> {
  for (let i = 0; i < 3 && !deep(el, `td[data-date="${date}"]`); i++) {
    deepAll(el, '[part~="month-button"]')[1]!.click();
    await settle(el);
  }
  deep(el, `td[data-date="${date}"]`)!.click();
  await waitForTimes(el);
}

/** Picks the start time whose label starts with `label`. */
async function pickTime(el: CoworkBooking, label: string): Promise<void> {
  const input = deepAll<HTMLInputElement>(el, '.times input').find((i) => i.closest('label')!.textContent!.trim().startsWith(label));
  if (!input) throw new Error(`no start time ${label} in ${times(el).join(', ')}`);
  input.click();
  await settle(el);
}

async function toCheckout(el: CoworkBooking): Promise<void> {
  deepAll(el, 'button').find((b) => /Continue|Continuer/.test(b.textContent!))!.click();
  await waitUntil(() => deep(el, '[part~="summary"]'), 'the checkout shows', { timeout: 5000 });
  await settle(el);
}

async function fillGuest(el: CoworkBooking, name = 'Jonas Weber', email = 'jonas.weber@example.com'): Promise<void> {
  const set = (id: string, value: string) => {
    const input = deep<HTMLInputElement>(el, `#${id}`)!;
    input.value = value;
    input.dispatchEvent(new Event('input'));
  };
  set('name', name);
  set('email', email);
}

const submit = (el: CoworkBooking) => deep(el, '[part~="submit-button"]')!.click();

/** From a preset resource and date to the review step, at `time`. */
async function checkout(server: BookingServer, time = '10:00', attrs: Record<string, string> = {}, lang = 'en'): Promise<CoworkBooking> {
  const el = await mountBooking(server, { lang, attrs: { resource: 'rs_atelier', date: bookingDay(), ...attrs } });
  await waitForTimes(el);
  await pickTime(el, time);
  await toCheckout(el);
  await waitUntil(() => deep(el, '[part~="price"]') || text(el).includes('once the booking is made'), 'the price shows');
  return el;
}

describe('<cowork-booking>', () => {
  let server: BookingServer;
  beforeEach(() => {
    server = bookingServer();
  });
  afterEach(() => sessionStorage.clear());

  describe('choosing a resource', () => {
    it('lists what can be booked online, with capacity, amenities, photo and prices', async () => {
      server.state.resources.push({ ...server.state.resources[0]!, id: 'rs_staff_only', name: 'Bureau de la direction', bookableBy: [], translations: {} });
      const el = await mountBooking(server);
      const t = text(el);
      expect(t).to.contain('Book at La Ruche');
      expect(t).to.contain('Step 1 of 3');
      expect(t).to.contain('Workshop room');
      expect(t).to.contain('Meeting room · up to 8 people');
      expect(t).to.contain('Screen');
      expect(t).to.contain('€35 per hour');
      expect(t).to.contain('Open space');
      expect(t).to.contain('12 spots');
      expect(t).to.contain('€5 per hour · €25 per day');
      expect(t).to.contain('Members only');
      expect(t, 'resources only the staff may book are left out').not.to.contain('Bureau de la direction');
      const img = deep<HTMLImageElement>(el, '[part~="resource-photo"]')!;
      expect(img.alt).to.equal('Des bureaux partagés baignés de lumière');
      expect(deep(el, 'h3')!.textContent).to.equal('Choose what to book');
      await expectNoAxeViolations(el);
    });

    it('speaks French when the page does, with the space’s texts in French', async () => {
      const el = await mountBooking(server, { lang: 'fr' });
      await waitUntil(() => text(el).includes('Choisissez quoi réserver'), 'the French messages load');
      const t = text(el).replace(/[\u202f\u00a0]/g, ' ');
      expect(t).to.contain('Réserver à La Ruche');
      expect(t).to.contain('Étape 1 sur 3');
      expect(t).to.contain('Salle Atelier');
      expect(t).to.contain('Salle de réunion · jusqu’à 8 personnes');
      expect(t).to.contain('35 € de l’heure');
      expect(t).to.contain('Tableau blanc');
      expect(t).to.contain('Réservé aux membres');
      expect(deep(el, '[part~="choose-button"]')!.textContent!.trim()).to.equal('Choisir');
      await expectNoAxeViolations(el);
    });

    it('filters by type, from the select or from the type attribute', async () => {
      const el = await mountBooking(server);
      const select = deep<HTMLSelectElement>(el, '#filter')!;
      select.value = 'hot_desk';
      select.dispatchEvent(new Event('change'));
      await settle(el);
      expect(deepAll(el, '[part~="resource"]')).to.have.length(1);
      expect(text(el)).to.contain('Open space');

      const typed = await mountBooking(bookingServer(), { attrs: { type: 'meeting_room' } });
      // One meeting room: nothing to choose, the calendar shows at once.
      expect(text(typed)).to.contain('Pick a date and a time');
      expect(text(typed)).to.contain('Step 1 of 2');
      expect(text(typed)).not.to.contain('Change');
    });

    it('goes to the calendar with the focus on its heading, and back with "Change"', async () => {
      const el = await mountBooking(server);
      deep(el, '[part~="choose-button"]')!.click();
      await waitUntil(() => text(el).includes('Pick a date and a time'));
      await settle(el);
      expect(deepActiveElement()?.textContent).to.equal('Pick a date and a time');
      expect(text(el)).to.contain('Step 2 of 3');
      deepAll(el, 'button').find((b) => b.textContent!.trim() === 'Change')!.click();
      await settle(el);
      expect(deepActiveElement()?.textContent).to.equal('Choose what to book');
    });

    it('starts again when the page changes the preset resource', async () => {
      const el = await mountBooking(server, { attrs: { resource: 'rs_atelier' } });
      expect(text(el)).to.contain('Workshop room');
      el.resource = 'rs_open_space';
      await waitUntil(() => text(el).includes('Open space · Hot desk'), 'the other resource shows');
      expect(text(el)).not.to.contain('Workshop room');
    });

    it('asks to sign in first for a resource only members may book', async () => {
      const el = await mountBooking(server, { attrs: { resource: 'rs_cabine' } });
      expect(text(el)).to.contain('Sign in to book');
      expect(text(el)).to.contain('This resource can be booked by members only.');
      await waitUntil(() => deep(el, 'cowork-sign-in')?.shadowRoot?.querySelector('#email'), 'the sign-in form loads');
      expect(server.callsTo('GET /spaces/{spaceId}/availability'), 'no availability is asked without a member').to.have.length(0);
      await expectNoAxeViolations(el);
    });
  });

  describe('picking a date and a time', () => {
    it('presets the resource, date and duration from attributes', async () => {
      const date = bookingDay();
      const el = await mountBooking(server, { attrs: { resource: 'rs_atelier', date, duration: 'PT2H' } });
      await waitForTimes(el);
      expect(deep<HTMLSelectElement>(el, '#duration')!.value).to.equal('PT2H');
      expect(deep(el, `td[data-date="${date}"]`)!.getAttribute('aria-selected')).to.equal('true');
      // 08:00 to 19:00, two hours: the last start is 17:00.
      expect(times(el)[0]).to.equal('8:00 AM');
      expect(times(el).at(-1)).to.equal('5:00 PM');
      const call = server.callsTo('GET /spaces/{spaceId}/availability').at(-1)!;
      expect(call.query.get('resourceId')).to.equal('rs_atelier');
      await expectNoAxeViolations(el);
    });

    it('marks closed, past and too-far days as not available, and says why', async () => {
      server.state.resources[0]!.rules = { ...server.state.resources[0]!.rules, horizon: 'P10D' };
      const el = await mountBooking(server, { attrs: { resource: 'rs_atelier' } });
      const cells = deepAll(el, 'td[data-date]');
      const today = cells.find((c) => c.getAttribute('aria-current') === 'date')!;
      const sunday = cells.slice(cells.indexOf(today)).find((c) => new Date(`${c.dataset.date}T12:00:00Z`).getUTCDay() === 0)!;
      expect(sunday.getAttribute('aria-disabled')).to.equal('true');
      expect(sunday.textContent).to.contain('closed');
      const yesterday = cells[cells.indexOf(today) - 1];
      // Only on the 1st is yesterday outside this month's grid.
      expect(yesterday !== undefined || today.dataset.date!.endsWith('-01')).to.equal(true);
      if (yesterday) expect(yesterday.getAttribute('aria-disabled')).to.equal('true');
      // Past the horizon, in the next month if need be.
      deepAll(el, '[part~="month-button"]')[1]!.click();
      await settle(el);
      const far = deepAll(el, 'td[data-date]').at(-1)!;
      expect(far.getAttribute('aria-disabled')).to.equal('true');
      expect(far.textContent).to.contain('not available');
      // Clicking a day that cannot be booked picks nothing.
      sunday.click();
      await settle(el);
      expect(text(el)).to.contain('Pick a date to see the free times.');
    });

    it('marks a fully booked day once the month’s availability is known', async () => {
      const date = bookingDay();
      server.bookElsewhere('rs_atelier', atParis(date, '08:00'), atParis(date, '19:00'));
      const el = await mountBooking(server, { attrs: { resource: 'rs_atelier', date } });
      await waitUntil(() => deep(el, `td[data-date="${date}"]`)?.getAttribute('aria-disabled') === 'true', 'the day shows as full');
      expect(deep(el, `td[data-date="${date}"]`)!.textContent).to.contain('fully booked');
    });

    it('offers only the durations and start times that fit around other bookings', async () => {
      const date = bookingDay();
      server.bookElsewhere('rs_atelier', atParis(date, '12:00'), atParis(date, '13:00'));
      const el = await mountBooking(server, { attrs: { resource: 'rs_atelier', date } });
      await waitForTimes(el);
      const durations = [...deep<HTMLSelectElement>(el, '#duration')!.options].map((o) => o.value);
      // The longest free stretch is 13:00 to 19:00.
      expect(durations[0]).to.equal('PT30M');
      expect(durations.at(-1)).to.equal('PT6H');
      expect(deep<HTMLSelectElement>(el, '#duration')!.value).to.equal('PT1H');
      expect(times(el)).to.include('11:00 AM');
      expect(times(el)).not.to.include('11:30 AM');
      expect(times(el)).not.to.include('12:00 PM');
      expect(times(el)).to.include('1:00 PM');
      const select = deep<HTMLSelectElement>(el, '#duration')!;
      select.value = 'PT6H';
      select.dispatchEvent(new Event('change'));
      await settle(el);
      expect(times(el)).to.deep.equal(['1:00 PM']);
    });

    it('counts the units of a pooled resource', async () => {
      const date = bookingDay();
      server.bookElsewhere('rs_open_space', atParis(date, '08:00'), atParis(date, '12:00'), 11);
      const el = await mountBooking(server, { attrs: { resource: 'rs_open_space', date } });
      await waitForTimes(el);
      expect(times(el)[0]).to.equal('8:00 AM');
      const quantity = deep<HTMLInputElement>(el, '#quantity')!;
      expect(quantity.labels![0]!.textContent).to.equal('Number of desks');
      quantity.value = '2';
      quantity.dispatchEvent(new Event('change'));
      await settle(el);
      expect(times(el)[0], 'two desks are free only from noon').to.equal('12:00 PM');
      quantity.value = '40';
      quantity.dispatchEvent(new Event('change'));
      await settle(el);
      expect(quantity.value, 'at most the units there are').to.equal('12');
      expect(times(el)[0]).to.equal('12:00 PM');
    });

    it('says so when a day has no time left', async () => {
      const date = bookingDay();
      // A 30-minute gap is shorter than the one-hour minimum of the open space.
      server.bookElsewhere('rs_open_space', atParis(date, '08:00'), atParis(date, '18:30'), 12);
      const el = await mountBooking(server, { attrs: { resource: 'rs_open_space', date } });
      await waitForTimes(el);
      expect(text(el)).to.contain('No time left on this day.');
      await expectNoAxeViolations(el);
    });

    it('asks for a start time before going on', async () => {
      const el = await mountBooking(server, { attrs: { resource: 'rs_atelier', date: bookingDay() } });
      await waitForTimes(el);
      deepAll(el, 'button').find((b) => b.textContent!.trim() === 'Continue')!.click();
      await settle(el);
      expect(text(el)).to.contain('Pick a start time first.');
      expect(deepActiveElement()?.getAttribute('type')).to.equal('radio');
    });

    it('shows an availability error with a retry', async () => {
      server.fail('GET /spaces/{spaceId}/availability', { status: 503 });
      const el = await mountBooking(server, { attrs: { resource: 'rs_atelier', date: bookingDay() } });
      await waitUntil(() => deep(el, '[part~="error"]'), 'the error shows', { timeout: 8000 });
      expect(text(el)).to.contain('nothing was changed');
      await expectNoAxeViolations(el);
      server.clearFailures();
      deep(el, '[part~="retry-button"]')!.click();
      await waitUntil(() => deep(el, '.times input'), 'the times load');
    });
  });

  describe('booking', () => {
    it('books as a guest: the quoted price, the details, and an event only once the server confirmed', async () => {
      const el = await checkout(server, '10:00');
      expect(deepActiveElement()?.textContent).to.equal('Review and book');
      const t = text(el);
      expect(t).to.contain('Workshop room');
      expect(t).to.contain('10:00 – 11:00 AM');
      expect(t).to.contain('1 hour');
      expect(t).to.contain('Total €35');
      expect(t).to.contain('1 × €35 per hour');
      const quote = server.callsTo('POST /spaces/{spaceId}/quotes').at(-1)!;
      expect(quote.body).to.deep.include({ resourceId: 'rs_atelier', start: new Date(atParis(bookingDay(), '10:00')).toISOString().replace('.000Z', 'Z'), quantity: 1 });
      expect(quote.token).to.equal(null);
      await expectNoAxeViolations(el);

      // The guest's details are checked before anything is sent.
      submit(el);
      await settle(el);
      expect(deep(el, '#name')!.getAttribute('aria-invalid')).to.equal('true');
      expect(deep(el, '#name-error')!.textContent).to.equal('Enter your name.');
      expect(deepActiveElement()?.id).to.equal('name');
      await expectNoAxeViolations(el);
      await fillGuest(el, 'Jonas Weber', 'not-an-email');
      submit(el);
      await settle(el);
      expect(deep(el, '#email-error')!.textContent).to.contain('name@example.org');
      expect(deepActiveElement()?.id).to.equal('email');
      expect(server.callsTo(CREATE)).to.have.length(0);

      await fillGuest(el);
      const note = deep<HTMLTextAreaElement>(el, '#notes')!;
      note.value = '<b>Projecteur</b> svp';
      note.dispatchEvent(new Event('input'));
      const held = server.hold(CREATE);
      let confirmed: CustomEvent | undefined;
      el.addEventListener('cowork-booking-confirmed', (e) => (confirmed = e));
      submit(el);
      await held.reached;
      await settle(el);
      expect(confirmed, 'no success before the server answered').to.equal(undefined);
      expect(deep(el, '[part~="submit-button"]')!.textContent!.trim()).to.equal('Booking…');
      held.release();
      await waitUntil(() => confirmed, 'the booking is confirmed');
      expect(confirmed!.bubbles && confirmed!.composed).to.equal(true);
      expect(confirmed!.detail.booking.status).to.equal('confirmed');
      expect(confirmed!.detail.booking.booker).to.deep.include({ kind: 'guest', name: 'Jonas Weber' });
      const request = server.callsTo(CREATE)[0]!;
      expect(request.body).to.deep.equal({
        resourceId: 'rs_atelier',
        start: quote.body.start,
        end: quote.body.end,
        quantity: 1,
        notes: '<b>Projecteur</b> svp',
        guest: { name: 'Jonas Weber', email: 'jonas.weber@example.com' },
      });
      expect(request.headers.get('idempotency-key')).to.match(/^[0-9a-f-]{32,36}$/);
      await waitUntil(() => text(el).includes('Booking confirmed'));
      await settle(el);
      expect(deepActiveElement()?.textContent).to.equal('Booking confirmed');
      expect(text(el)).to.contain(confirmed!.detail.booking.id);
      expect(text(el)).to.contain('jonas.weber@example.com');
      expect(text(el), 'the step counter is gone').not.to.contain('Step 3');
      await expectNoAxeViolations(el);
    });

    it('never renders user text as HTML', async () => {
      const el = await checkout(server);
      await fillGuest(el, '<img src=x onerror="window.__pwned=1">Jonas', 'jonas@example.com');
      submit(el);
      await waitUntil(() => text(el).includes('Booking confirmed'));
      await settle(el);
      expect(text(el)).to.contain('<img src=x onerror="window.__pwned=1">Jonas');
      expect(deepAll(el, 'img')).to.have.length(0);
      expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
    });

    it('meets a conflict: a clear message, the fresh times, and no double booking', async () => {
      const el = await checkout(server, '10:00');
      await fillGuest(el);
      const date = bookingDay();
      // Someone else takes 10:00 between choosing and confirming.
      server.bookElsewhere('rs_atelier', atParis(date, '10:00'), atParis(date, '11:00'));
      const errors: CustomEvent[] = [];
      el.addEventListener('cowork-error', (e) => errors.push(e));
      let confirmed = false;
      el.addEventListener('cowork-booking-confirmed', () => (confirmed = true));
      submit(el);
      await waitUntil(() => text(el).includes('just booked by someone else'), 'the conflict is explained');
      await waitForTimes(el);
      expect(confirmed).to.equal(false);
      expect(errors[0]!.detail.operation).to.equal('createBooking');
      expect(errors[0]!.detail.kind).to.equal('conflict');
      expect(deepActiveElement()?.getAttribute('part')).to.equal('notice');
      expect(times(el)).not.to.include('10:00 AM');
      expect(times(el)).to.include('11:00 AM');
      expect(server.state.bookings.filter((b) => b.status !== 'cancelled')).to.have.length(1);
      await expectNoAxeViolations(el);
      // Another time books fine, with the guest's details kept.
      await pickTime(el, '11:00');
      await toCheckout(el);
      expect(deep<HTMLInputElement>(el, '#name')!.value).to.equal('Jonas Weber');
      submit(el);
      await waitUntil(() => text(el).includes('Booking confirmed'));
    });

    it('retries after a network failure with the same Idempotency-Key, and books once', async () => {
      // The first request reaches the server, which books, but the answer is lost on the way back.
      let lose = 1;
      const lossy: typeof fetch = async (input, init) => {
        const request = input instanceof Request ? input : new Request(input, init);
        const creates = request.method === 'POST' && new URL(request.url).pathname.endsWith('/bookings');
        const response = await server.fetch(input, init);
        if (creates && lose-- > 0) throw new TypeError('Failed to fetch');
        return response;
      };
      // Then two more tries fail before reaching it (the client retries a POST with a key itself).
      server.failNext(CREATE, 'network', 2);
      const el = await mountBooking({ ...server, fetch: lossy } as BookingServer, { attrs: { resource: 'rs_atelier', date: bookingDay() } });
      await waitForTimes(el);
      await pickTime(el, '10:00');
      await toCheckout(el);
      await fillGuest(el);
      submit(el);
      await waitUntil(() => deep(el, '[part~="notice"]'), 'the failure is explained', { timeout: 10_000 });
      await settle(el);
      expect(text(el)).to.contain('it will not be booked twice');
      await expectNoAxeViolations(el);
      deep(el, '[part~="notice"] [part~="retry-button"]')!.click();
      await waitUntil(() => text(el).includes('Booking confirmed'), `the retry gets the booking (${server.callsTo(CREATE).length} tries: ${text(el)})`, { timeout: 10_000 });
      const keys = server.callsTo(CREATE).map((r) => r.headers.get('idempotency-key'));
      expect(keys.length).to.be.greaterThan(1);
      expect(new Set(keys).size, 'one key for every try').to.equal(1);
      expect(server.state.bookings, 'booked once').to.have.length(1);
    });

    it('keeps the attempt’s key when the visitor goes back and returns to the same time', async () => {
      // Three tries fail before reaching the server (the client retries twice by itself).
      server.failNext(CREATE, 'network', 3);
      const el = await checkout(server, '10:00');
      await fillGuest(el);
      submit(el);
      await waitUntil(() => deep(el, '[part~="notice"]'), 'the failure is explained', { timeout: 10_000 });
      deepAll(el, 'button').find((b) => b.textContent!.trim() === 'Change the date or time')!.click();
      await waitForTimes(el);
      await pickTime(el, '10:00');
      await toCheckout(el);
      expect(deep<HTMLInputElement>(el, '#email')!.value, 'the details are kept').to.equal('jonas.weber@example.com');
      submit(el);
      await waitUntil(() => text(el).includes('Booking confirmed'));
      const keys = server.callsTo(CREATE).map((r) => r.headers.get('idempotency-key'));
      expect(keys).to.have.length(4);
      expect(new Set(keys).size).to.equal(1);
      expect(server.state.bookings).to.have.length(1);
    });

    it('makes a new key for a new booking after a definitive refusal', async () => {
      server.failNext(CREATE, { status: 422, type: 'rule-violation', code: 'lead_time' });
      const el = await checkout(server);
      await fillGuest(el);
      submit(el);
      await waitUntil(() => text(el).includes('too soon'), 'the rule is explained');
      submit(el);
      await waitUntil(() => text(el).includes('Booking confirmed'));
      const [first, second] = server.callsTo(CREATE).map((r) => r.headers.get('idempotency-key'));
      expect(first).not.to.equal(second);
    });

    it('signs in on the spot and books as the member, at the member price', async () => {
      const el = await checkout(server);
      expect(text(el)).to.contain('Total €35');
      deepAll(el, 'button').find((b) => b.textContent!.trim() === 'Sign in')!.click();
      await waitUntil(() => deep(el, 'cowork-sign-in')?.shadowRoot?.querySelector('#email'), 'the sign-in form loads');
      expect(deep(el, '#name'), 'no guest form meanwhile').to.equal(null);
      await expectNoAxeViolations(el);
      const signIn = deep(el, 'cowork-sign-in')!;
      (signIn.shadowRoot!.querySelector('#email') as HTMLInputElement).focus();
      await type(memberEmail);
      await press('Enter');
      await waitUntil(() => signIn.shadowRoot!.querySelector('#code'), 'the code step shows');
      await (signIn as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
      await type('123456');
      await press('Enter');
      await waitUntil(() => text(el).includes('You are booking as Camille Durand'), 'the member is signed in');
      await waitUntil(() => text(el).includes('Total €25'), 'the member price is quoted');
      expect(server.callsTo('POST /spaces/{spaceId}/quotes').at(-1)!.member?.id).to.equal('mb_camille');
      expect(deep(el, '#name')).to.equal(null);
      submit(el);
      await waitUntil(() => text(el).includes('Booking confirmed'));
      const booking = server.state.bookings[0]!;
      expect(booking.booker).to.deep.include({ kind: 'member', memberId: 'mb_camille' });
      expect(server.callsTo(CREATE)[0]!.body.guest).to.equal(undefined);
      await expectNoAxeViolations(el);
    });

    it('asks members to sign in where the space takes no guest bookings', async () => {
      server.state.space.policies.guestBookingAllowed = false;
      const el = await checkout(server);
      expect(text(el)).to.contain('Sign in as a member to book.');
      expect(deep(el, '#name')).to.equal(null);
      expect(deep(el, '[part~="submit-button"]')).to.equal(null);
    });

    it('sends a request, not a booking, where the staff approve each booking', async () => {
      server.state.resources[0]!.rules = { ...server.state.resources[0]!.rules, approvalRequired: true };
      const el = await checkout(server);
      expect(text(el)).to.contain('approves each booking');
      expect(deep(el, '[part~="submit-button"]')!.textContent!.trim()).to.equal('Send the request');
      await fillGuest(el);
      const event = oneEvent(el, 'cowork-booking-confirmed');
      submit(el);
      expect((await event).detail.booking.status).to.equal('pending');
      await waitUntil(() => text(el).includes('Booking request sent'));
      expect(text(el)).to.contain('will confirm it');
    });

    it('shows the price later where the server gives no quotes', async () => {
      server.state.features = server.state.features.filter((f) => f !== 'quotes');
      const el = await checkout(server);
      expect(text(el)).to.contain('The price will be shown once the booking is made.');
      expect(server.callsTo('POST /spaces/{spaceId}/quotes')).to.have.length(0);
      await fillGuest(el);
      submit(el);
      await waitUntil(() => text(el).includes('Booking confirmed'));
      expect(text(el)).to.contain('Price€35');
    });
  });

  describe('after booking', () => {
    async function booked(): Promise<CoworkBooking> {
      const el = await checkout(server);
      await fillGuest(el);
      submit(el);
      await waitUntil(() => text(el).includes('Booking confirmed'));
      await settle(el);
      return el;
    }

    it('downloads the booking as an .ics file, with the guest’s token', async () => {
      const el = await booked();
      const blobs: Blob[] = [];
      const original = URL.createObjectURL;
      URL.createObjectURL = (blob: Blob) => (blobs.push(blob), 'blob:test');
      const clicks: HTMLAnchorElement[] = [];
      const click = HTMLAnchorElement.prototype.click;
      HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
        clicks.push(this);
      };
      try {
        deep(el, '[part~="calendar-button"]')!.click();
        await waitUntil(() => clicks.length === 1, 'the download starts');
      } finally {
        URL.createObjectURL = original;
        HTMLAnchorElement.prototype.click = click;
      }
      const call = server.callsTo('GET /spaces/{spaceId}/bookings/{bookingId}/booking.ics')[0]!;
      expect(call.query.get('guestToken')).to.equal(server.guestTokens.get(call.params.bookingId!));
      expect(clicks[0]!.download).to.equal(`${call.params.bookingId}.ics`);
      expect(blobs[0]!.type).to.equal('text/calendar');
      expect(await blobs[0]!.text()).to.contain('BEGIN:VCALENDAR');
    });

    it('cancels with If-Match and the guest’s token, after a confirmation, and tells the page', async () => {
      const el = await booked();
      deep(el, '#cancel')!.click();
      await settle(el);
      expect(deepActiveElement()?.id).to.equal('cancel-yes');
      expect(text(el)).to.contain('Cancel this booking?');
      await expectNoAxeViolations(el);
      const cancelled = oneEvent(el, 'cowork-booking-cancelled');
      deep(el, '#cancel-yes')!.click();
      const event = await cancelled;
      expect(event.detail.booking.status).to.equal('cancelled');
      const call = server.callsTo('POST /spaces/{spaceId}/bookings/{bookingId}/cancel')[0]!;
      expect(call.headers.get('if-match')).to.equal('"1"');
      expect(call.query.get('guestToken')).to.equal(server.guestTokens.get(call.params.bookingId!));
      await settle(el);
      expect(deepActiveElement()?.textContent).to.equal('Booking cancelled');
      expect(deep(el, '#cancel')).to.equal(null);
      await expectNoAxeViolations(el);
    });

    it('keeps the booking when asked to, and explains a refused cancellation', async () => {
      const el = await booked();
      deep(el, '#cancel')!.click();
      await settle(el);
      deepAll(el, 'button').find((b) => b.textContent!.trim() === 'No, keep it')!.click();
      await settle(el);
      expect(deepActiveElement()?.id).to.equal('cancel');
      server.failNext('POST /spaces/{spaceId}/bookings/{bookingId}/cancel', { status: 422, type: 'rule-violation', code: 'cancellation_notice' });
      deep(el, '#cancel')!.click();
      await settle(el);
      deep(el, '#cancel-yes')!.click();
      await waitUntil(() => text(el).includes('too late to cancel'));
      expect(text(el)).to.contain('Booking confirmed');
    });

    it('starts another booking', async () => {
      const el = await booked();
      deepAll(el, 'button').find((b) => b.textContent!.trim() === 'Make another booking')!.click();
      await settle(el);
      expect(deepActiveElement()?.textContent).to.equal('Pick a date and a time');
    });
  });

  describe('states', () => {
    it('keeps its place while loading', async () => {
      const held = server.hold('GET /spaces/{spaceId}/resources');
      const root = await fixture<HTMLElement>(html`<cowork-space api="https://api.fixture.test" space="la-ruche" storage="memory" .fetch=${server.fetch}><cowork-booking></cowork-booking></cowork-space>`);
      const el = root.querySelector('cowork-booking')!;
      await held.reached;
      await el.updateComplete;
      const loading = el.shadowRoot!.querySelector<HTMLElement>('[part~="loading"]')!;
      expect(loading.getAttribute('role')).to.equal('status');
      expect(loading.getBoundingClientRect().height).to.be.at.least(200);
      await expectNoAxeViolations(el);
      held.release();
      await waitUntil(() => el.shadowRoot!.querySelector('.step-heading'));
    });

    it('shows an error with a retry, and recovers', async () => {
      server.fail('GET /spaces/{spaceId}/resources', { status: 500 });
      const el = await mountBooking(server, { until: (e) => !!e.shadowRoot?.querySelector('[part~="error"]') });
      expect(text(el)).to.contain('Something went wrong');
      await expectNoAxeViolations(el);
      server.clearFailures();
      el.shadowRoot!.querySelector<HTMLElement>('[part~="retry-button"]')!.click();
      await waitUntil(() => text(el).includes('Choose what to book'));
    });

    it('says when the server cannot be reached', async () => {
      server.fail('GET /spaces/{spaceId}/resources', 'network');
      const el = await mountBooking(server, { until: (e) => !!e.shadowRoot?.querySelector('[part~="error"], [part~="offline"]') });
      expect(text(el)).to.contain('could not be reached');
    });

    it('says when there is nothing to book', async () => {
      server.state.resources = [];
      const el = await mountBooking(server, { until: (e) => !!e.shadowRoot?.querySelector('[part~="empty"]') });
      expect(text(el)).to.contain('Nothing can be booked online here for now.');
      await expectNoAxeViolations(el);
    });

    it('tells the webmaster when it is not connected to a space', async () => {
      const el = await fixture<CoworkBooking>(html`<cowork-booking></cowork-booking>`);
      await el.updateComplete;
      expect(el.shadowRoot!.textContent).to.contain('not connected to a space');
    });

    it('works alone with its own api and space attributes', async () => {
      const el = await mountBooking(server, { standalone: true, attrs: { resource: 'rs_atelier', date: bookingDay() } });
      await waitForTimes(el);
      await pickTime(el, '9:00');
      await toCheckout(el);
      await fillGuest(el);
      submit(el);
      await waitUntil(() => text(el).includes('Booking confirmed'));
    });
  });

  describe('theming', () => {
    it('takes the page’s custom properties and ::part rules, and a forced dark theme', async () => {
      const style = document.createElement('style');
      style.textContent = `cowork-booking { --cowork-color-accent: rgb(120, 20, 90); --cowork-radius: 0px; } cowork-booking::part(resource) { outline: 2px solid rgb(1, 2, 3); } cowork-booking::part(summary) { outline: 3px solid rgb(4, 5, 6); }`;
      document.head.append(style);
      try {
        const el = await mountBooking(server);
        const button = deep(el, '[part~="choose-button"]')!;
        expect(getComputedStyle(button).backgroundColor).to.equal('rgb(120, 20, 90)');
        expect(getComputedStyle(button).borderTopLeftRadius).to.equal('0px');
        expect(getComputedStyle(deep(el, '[part~="resource"]')!).outlineColor).to.equal('rgb(1, 2, 3)');
        // Parts of the checkout are exported to the page too.
        const review = await checkout(server);
        expect(getComputedStyle(deep(review, '[part~="summary"]')!).outlineColor).to.equal('rgb(4, 5, 6)');
        const dark = await mountBooking(bookingServer(), { attrs: { theme: 'dark' } });
        expect(getComputedStyle(dark).colorScheme).to.equal('dark');
      } finally {
        style.remove();
      }
    });

    it('is not styled by the page’s own rules', async () => {
      const style = document.createElement('style');
      style.textContent = `* { color: rgb(255, 0, 0) !important; font-family: serif !important; } button { display: none !important; } h3 { font-size: 80px; }`;
      document.head.append(style);
      try {
        const el = await mountBooking(server);
        const heading = deep(el, '.step-heading')!;
        expect(getComputedStyle(heading).color).not.to.equal('rgb(255, 0, 0)');
        expect(getComputedStyle(heading).fontSize).not.to.equal('80px');
        expect(getComputedStyle(deep(el, '[part~="choose-button"]')!).display).not.to.equal('none');
      } finally {
        style.remove();
      }
    });
  });

  describe('narrow', () => {
    /** The widget's and its checkout's parts that run past the widget's right edge. */
    function outside(el: CoworkBooking): string[] {
      const right = el.getBoundingClientRect().right;
      return [...deepAll(el, '*')]
        .filter((node) => node.getBoundingClientRect().right > right + 0.5 && !node.closest('.visually-hidden, [hidden]'))
        .map((node) => `${node.localName}.${node.className}: ${node.textContent!.trim().slice(0, 30)}`);
    }
    const narrow = (el: CoworkBooking) => (el.closest('div')!.style.width = '240px');

    for (const lang of ['en', 'fr']) {
      it(`keeps every step inside 240 px, a 320 px page's width within its margins (${lang})`, async () => {
        const list = await mountBooking(server, { lang });
        narrow(list);
        await settle(list);
        expect(outside(list), 'the resources').to.deep.equal([]);
        const when = await mountBooking(server, { lang, attrs: { resource: 'rs_atelier', date: bookingDay() } });
        narrow(when);
        await waitForTimes(when);
        expect(deepAll(when, 'td[data-date]').length, 'the date grid shows').to.be.greaterThan(27);
        expect(outside(when), 'the date and time').to.deep.equal([]);
        const review = await checkout(server, '10:00', {}, lang);
        narrow(review);
        await settle(review);
        expect(outside(review), 'the review').to.deep.equal([]);
      });
    }
  });

  describe('with the keyboard alone', () => {
    it('goes from the list of resources to the confirmation', async () => {
      const date = bookingDay();
      const el = await mountBooking(server);
      // Tab to the first resource's button.
      deep(el, '#filter')!.focus();
      await press('Tab');
      expect(deepActiveElement()?.getAttribute('part')).to.equal('choose-button');
      await press('Enter');
      await waitUntil(() => deepActiveElement()?.textContent === 'Pick a date and a time', 'the focus moves to the step');
      // Change, previous month, next month, then the grid's one tab stop.
      await press('Tab');
      await press('Tab');
      await press('Tab');
      await press('Tab');
      expect(deepActiveElement()?.localName).to.equal('td');
      // Walk to the date with the arrows (and Page Down into the next month if needed).
      for (let i = 0; i < 60 && (deepActiveElement() as HTMLElement).dataset.date !== date; i++) {
        const at = (deepActiveElement() as HTMLElement).dataset.date!;
        await press(at.slice(0, 7) < date.slice(0, 7) && Number(at.slice(8)) <= Number(date.slice(8)) ? 'PageDown' : at < date ? 'ArrowRight' : 'ArrowLeft');
        await settle(el);
      }
      expect((deepActiveElement() as HTMLElement).dataset.date).to.equal(date);
      await press('Enter');
      await waitForTimes(el);
      await press('Tab');
      expect(deepActiveElement()?.id).to.equal('duration');
      await press('Tab');
      expect(deepActiveElement()?.getAttribute('type')).to.equal('radio');
      // Arrow keys move through the radio group and check the time.
      await press('ArrowRight');
      await press('ArrowRight');
      await settle(el);
      expect((deepActiveElement() as HTMLInputElement).checked).to.equal(true);
      await press('Tab');
      expect(deepActiveElement()?.textContent!.trim()).to.equal('Continue');
      await press('Enter');
      await waitUntil(() => deepActiveElement()?.textContent === 'Review and book', 'the focus moves to the review');
      await waitUntil(() => deep(el, '[part~="price"]'));
      // Change the date or time, Sign in, then the guest's fields.
      while (deepActiveElement()?.id !== 'name') await press('Tab');
      await type('Jonas Weber');
      await press('Tab');
      await type('jonas.weber@example.com');
      await press('Tab');
      await type('Merci !');
      await press('Tab');
      expect(deepActiveElement()?.getAttribute('part')).to.equal('submit-button');
      await press('Enter');
      await waitUntil(() => deepActiveElement()?.textContent === 'Booking confirmed', 'the focus moves to the confirmation');
      expect(server.state.bookings[0]!.notes).to.equal('Merci !');
      // Cancel, with the keyboard too.
      while (deepActiveElement()?.id !== 'cancel') await press('Tab');
      await press('Enter');
      await settle(el);
      expect(deepActiveElement()?.id).to.equal('cancel-yes');
      await press('Enter');
      await waitUntil(() => deepActiveElement()?.textContent === 'Booking cancelled', 'the cancellation is confirmed');
    });

    it('moves through the calendar like the WAI-ARIA date picker grid', async () => {
      // A date far enough ahead that its whole week can be booked.
      const el = await mountBooking(server, { attrs: { resource: 'rs_atelier', date: bookingDay(9) } });
      const stop = () => deepAll(el, 'td[tabindex="0"]');
      expect(stop(), 'one tab stop').to.have.length(1);
      stop()[0]!.focus();
      const start = stop()[0]!.dataset.date!;
      const at = () => (deepActiveElement() as HTMLElement).dataset.date!;
      const plus = (d: string, n: number) => new Date(Date.parse(`${d}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
      await press('ArrowRight');
      await settle(el);
      expect(at()).to.equal(plus(start, 1));
      await press('ArrowDown');
      await settle(el);
      expect(at()).to.equal(plus(start, 8));
      await press('ArrowUp');
      await press('ArrowLeft');
      await settle(el);
      expect(at()).to.equal(start);
      await press('End');
      await settle(el);
      // English (United States) weeks start on Sunday: End goes to Saturday.
      expect(new Date(`${at()}T12:00:00Z`).getUTCDay()).to.equal(6);
      await press('Home');
      await settle(el);
      expect(new Date(`${at()}T12:00:00Z`).getUTCDay()).to.equal(0);
      const before = at();
      await press('PageDown');
      await settle(el);
      expect(at().slice(5, 7)).not.to.equal(before.slice(5, 7));
      expect(stop()).to.have.length(1);
      expect(stop()[0]).to.equal(deepActiveElement());
      await expectNoAxeViolations(el);
    });

    it('starts weeks on Monday in French', async () => {
      const el = await mountBooking(server, { lang: 'fr', attrs: { resource: 'rs_atelier' } });
      await waitUntil(() => text(el).includes('Choisissez une date'));
      const headers = deepAll(el, 'th').map((th) => th.getAttribute('abbr'));
      expect(headers[0]).to.equal('lundi');
      expect(headers[6]).to.equal('dimanche');
      expect(deepAll(el, '[part~="month-button"]')[0]!.getAttribute('aria-label')).to.equal('Mois précédent');
    });
  });

  describe('in French', () => {
    it('books and cancels in French', async () => {
      const el = await checkout(server, '10:00', {}, 'fr');
      await waitUntil(() => text(el).includes('Vérifiez et réservez'));
      const t = text(el).replace(/[\u202f\u00a0]/g, ' ');
      expect(t).to.contain('10:00 – 11:00');
      expect(t).to.contain('1 heure');
      expect(t).to.contain('Total 35 €');
      expect(t).to.contain('Vos coordonnées');
      await expectNoAxeViolations(el);
      submit(el);
      await settle(el);
      expect(deep(el, '#name-error')!.textContent).to.equal('Indiquez votre nom.');
      await fillGuest(el, 'Léa Martin', 'lea.martin@example.net');
      submit(el);
      await waitUntil(() => text(el).includes('Réservation confirmée'));
      expect(text(el)).to.contain('Ajouter à mon agenda');
      deep(el, '#cancel')!.click();
      await settle(el);
      expect(text(el)).to.contain('Annuler cette réservation ?');
      deep(el, '#cancel-yes')!.click();
      await waitUntil(() => text(el).includes('Réservation annulée'));
      await expectNoAxeViolations(el);
    });

    it('explains a conflict in French', async () => {
      const el = await checkout(server, '10:00', {}, 'fr');
      await fillGuest(el);
      server.bookElsewhere('rs_atelier', atParis(bookingDay(), '10:00'), atParis(bookingDay(), '11:00'));
      submit(el);
      await waitUntil(() => text(el).includes('vient d’être réservé par quelqu’un d’autre'));
    });
  });
});
