// <cowork-event-calendar>'s event dialog: details (description as text, place, organizer, seats,
// status), the focus and its return, registration as a guest and as the signed-in member, the
// waiting list, cancellation, the rules of registration, errors and retries, "add to my calendar",
// "Subscribe", events, French, axe.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/event-calendar/define.ts';
import { connect } from '../../src/context/connection.ts';
import type { CoworkEvent } from '../../src/events.ts';
import { expectNoAxeViolations } from '../support/axe.ts';
import { api, spaceId } from '../support/fixtures.ts';
import { deepActiveElement } from '../support/keyboard.ts';
import { $, $$, announced, calendarServer, futureDate, openDialog, settle, timedAt, type Calendar, type CalendarServer, type Event } from './support.ts';

const day = futureDate(10);

function workshop(fields: Partial<Event> = {}): Event {
  return timedAt(day, '18:00', '20:00', {
    id: 'ev_ws',
    title: 'Atelier accessibilité',
    summary: 'Deux heures pour tester vos sites.',
    description: 'Apportez votre ordinateur.\n<b>Pas de balise</b> <img src="x" onerror="window.__pwned = true"> <script>window.__pwned = true</script>',
    location: { kind: 'text', text: 'Salle Alvéole, 1er étage' },
    organizer: { name: 'Camille Martin' },
    tags: ['atelier', 'accessibility'],
    capacity: 12,
    waitlistEnabled: true,
    registration: { required: true, audience: ['guest', 'member'] },
    ...fields,
  });
}

async function mount(events: Event[], options: { lang?: string; server?: CalendarServer } = {}): Promise<{ el: Calendar; server: CalendarServer }> {
  const server = options.server ?? calendarServer({ events });
  const el = await fixture<Calendar>(html`<cowork-event-calendar api=${api} space=${spaceId} storage="memory" .fetch=${server.fetch} view="list" date=${day} lang=${options.lang ?? 'en'}></cowork-event-calendar>`);
  await waitUntil(() => $$(el, '.entry').length > 0, 'the events load');
  await settle(el);
  return { el, server };
}

async function open(el: Calendar, id = 'ev_ws'): Promise<HTMLDialogElement> {
  $(el, `.entry[data-id="${id}"]`)!.click();
  await waitUntil(() => openDialog(el) && $(el, '#dialog-title'), 'the dialog opens');
  await settle(el);
  return openDialog(el)!;
}

const dialogText = (el: Calendar) => (openDialog(el)?.textContent ?? '').replace(/\s+/g, ' ');
const button = (el: Calendar, label: string) => {
  const found = [...openDialog(el)!.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent!.trim() === label);
  if (!found) throw new Error(`no "${label}" button in: ${dialogText(el)}`);
  return found;
};

function fill(el: Calendar, fields: Record<string, string>): void {
  for (const [id, value] of Object.entries(fields)) {
    const input = $<HTMLInputElement>(el, `#reg-${id}`)!;
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }
}

function signIn(server: CalendarServer): void {
  connect({ api, spaceId, fetch: server.fetch }).session.signIn(server.signIn());
}

describe('<cowork-event-calendar> event dialog', () => {
  afterEach(() => {
    sessionStorage.clear();
    delete (window as { __pwned?: boolean }).__pwned;
  });

  it('shows the event: when, where, organizer, seats, status, topics, and the description as text', async () => {
    const { el } = await mount([workshop()]);
    const selected = oneEvent(el, 'cowork-event-selected') as Promise<CoworkEvent<'cowork-event-selected'>>;
    const dialog = await open(el);
    expect((await selected).detail.event.id).to.equal('ev_ws');
    expect(dialog.matches(':modal')).to.equal(true);
    expect(deepActiveElement()!.id).to.equal('dialog-title');
    const text = dialogText(el);
    for (const expected of ['Atelier accessibilité', 'Deux heures pour tester vos sites.', '6:00 – 8:00 PM', 'Salle Alvéole, 1er étage', 'Camille Martin', '12 seats left of 12', 'Scheduled', 'atelier, accessibility', 'Registration']) {
      expect(text).to.contain(expected);
    }
    // Markup in the description is text: nothing is interpreted.
    const description = dialog.querySelector('.description')!;
    expect(description.textContent).to.equal(workshop().description);
    expect(description.children).to.have.length(0);
    await new Promise((wake) => setTimeout(wake, 50));
    expect((window as { __pwned?: boolean }).__pwned).to.equal(undefined);
    await expectNoAxeViolations(el);
    // Closing gives the focus back to the entry that opened it.
    $(el, '[part~="close-button"]')!.click();
    await waitUntil(() => !openDialog(el), 'the dialog closes');
    await waitUntil(() => deepActiveElement() === $(el, '.entry[data-id="ev_ws"]'), 'the focus returns to the entry');
  });

  it('stays closed when a listener cancels cowork-event-selected', async () => {
    const { el } = await mount([workshop()]);
    el.addEventListener('cowork-event-selected', (e) => e.preventDefault(), { once: true });
    $(el, '.entry[data-id="ev_ws"]')!.click();
    await new Promise((wake) => setTimeout(wake, 100));
    expect(Boolean(openDialog(el))).to.equal(false);
  });

  it('shows a cancelled event as cancelled, without registration', async () => {
    const { el } = await mount([workshop({ status: 'cancelled' })]);
    await open(el);
    expect(dialogText(el)).to.contain('This event is cancelled.');
    expect($(el, '.status-cancelled')!.textContent).to.equal('Cancelled');
    expect(Boolean($(el, '.registration'))).to.equal(false);
    expect(Boolean($(el, '[part~="calendar-button"]'))).to.equal(false);
    await expectNoAxeViolations(el);
  });

  it('links an online place safely, names a resource, and never links a script URL', async () => {
    const { el } = await mount([
      workshop({ id: 'ev_online', location: { kind: 'online', url: 'https://visio.example/atelier' } }),
      workshop({ id: 'ev_room', location: { kind: 'resource', resourceId: 'rs_atelier' } }),
      workshop({ id: 'ev_bad', location: { kind: 'online', url: 'javascript:alert(1)' } }),
    ]);
    await open(el, 'ev_online');
    const link = openDialog(el)!.querySelector<HTMLAnchorElement>('.facts a')!;
    expect(link.href).to.equal('https://visio.example/atelier');
    expect(link.rel).to.equal('noopener noreferrer');
    expect(link.textContent).to.equal('visio.example');
    openDialog(el)!.close();
    await open(el, 'ev_room');
    await waitUntil(() => dialogText(el).includes('Workshop room'), 'the resource’s name shows');
    openDialog(el)!.close();
    await open(el, 'ev_bad');
    expect(Boolean(openDialog(el)!.querySelector('.facts a'))).to.equal(false);
    expect(openDialog(el)!.querySelectorAll('.facts dd')[1]!.textContent).to.equal('Online');
  });

  it('registers a guest, updates the seats, and lets the guest cancel', async () => {
    const { el, server } = await mount([workshop()]);
    await open(el);
    await expectNoAxeViolations(el);
    fill(el, { name: 'Sophie Leroy', email: 'sophie.leroy@example.net', note: 'Végétarienne' });
    const confirmed = oneEvent(el, 'cowork-registration-confirmed') as Promise<CoworkEvent<'cowork-registration-confirmed'>>;
    $(el, '[part~="register-button"]')!.click();
    const { detail } = await confirmed;
    expect(detail.registration.status).to.equal('registered');
    expect(detail.event.id).to.equal('ev_ws');
    await waitUntil(() => dialogText(el).includes('11 seats left of 12'), 'the seats are read again');
    expect($(el, '#reg-status')!.textContent).to.contain('You are registered.');
    expect(deepActiveElement()!.id).to.equal('reg-status');
    expect(await announced(el)).to.equal('You are registered.');
    const request = server.callsTo('POST /spaces/{spaceId}/events/{eventId}/registrations')[0]!;
    expect(request.body).to.deep.equal({ guest: { name: 'Sophie Leroy', email: 'sophie.leroy@example.net' }, note: 'Végétarienne' });
    expect(request.token).to.equal(null);
    await expectNoAxeViolations(el);

    button(el, 'Cancel my registration').click();
    await settle(el);
    expect(deepActiveElement()!.id).to.equal('cancel-yes');
    const cancelled = oneEvent(el, 'cowork-registration-cancelled') as Promise<CoworkEvent<'cowork-registration-cancelled'>>;
    button(el, 'Yes, cancel it').click();
    expect((await cancelled).detail.registration.status).to.equal('cancelled');
    await waitUntil(() => dialogText(el).includes('Your registration is cancelled.'), 'the cancellation is confirmed');
    const cancel = server.callsTo('POST /spaces/{spaceId}/registrations/{registrationId}/cancel')[0]!;
    expect(cancel.query.get('guestToken')).to.match(/^gt_1_/);
    expect(server.registrations[0]!.status).to.equal('cancelled');
    await waitUntil(() => dialogText(el).includes('12 seats left of 12'), 'the seat is free again');
  });

  it('checks the guest’s name and email before sending', async () => {
    const { el, server } = await mount([workshop()]);
    await open(el);
    $(el, '[part~="register-button"]')!.click();
    await settle(el);
    expect($(el, '#reg-name-error')!.textContent).to.equal('Enter your name.');
    expect($(el, '#reg-email-error')!.textContent).to.equal('Enter your email address.');
    expect(deepActiveElement()!.id).to.equal('reg-name');
    fill(el, { name: 'Sophie', email: 'sophie@' });
    $(el, '[part~="register-button"]')!.click();
    await settle(el);
    expect($(el, '#reg-email-error')!.textContent).to.equal('Enter an email address like name@example.org.');
    expect($(el, '#reg-email')!.getAttribute('aria-invalid')).to.equal('true');
    expect(server.callsTo('POST /spaces/{spaceId}/events/{eventId}/registrations')).to.have.length(0);
    await expectNoAxeViolations(el);
  });

  it('registers the signed-in member, who finds the registration again and cancels it', async () => {
    const server = calendarServer({ events: [workshop()] });
    signIn(server);
    const { el } = await mount([], { server });
    await open(el);
    await waitUntil(() => dialogText(el).includes('You are registering as Camille Durand.'), 'the member’s form shows');
    expect(Boolean($(el, '#reg-name'))).to.equal(false);
    $(el, '[part~="register-button"]')!.click();
    await waitUntil(() => dialogText(el).includes('You are registered.'), 'registered');
    expect(server.callsTo('POST /spaces/{spaceId}/events/{eventId}/registrations')[0]!.body).to.deep.equal({});
    openDialog(el)!.close();

    // Later, in a fresh calendar: the member's registration is read from the server.
    const again = await fixture<Calendar>(html`<cowork-event-calendar api=${api} space=${spaceId} storage="memory" .fetch=${server.fetch} view="list" date=${day} lang="en"></cowork-event-calendar>`);
    await waitUntil(() => $$(again, '.entry').length > 0);
    await open(again);
    await waitUntil(() => dialogText(again).includes('You are registered.'), 'the registration is found');
    expect(server.callsTo('GET /spaces/{spaceId}/registrations').at(-1)!.query.get('eventId')).to.equal('ev_ws');
    button(again, 'Cancel my registration').click();
    await settle(again);
    button(again, 'Yes, cancel it').click();
    await waitUntil(() => dialogText(again).includes('Your registration is cancelled.'), 'cancelled');
    expect(server.registrations[0]!.status).to.equal('cancelled');
    // The member may register again.
    expect(Boolean($(again, '[part~="register-button"]'))).to.equal(true);
  });

  it('puts a registration on the waiting list of a full event', async () => {
    const server = calendarServer({ events: [workshop({ capacity: 1 })] });
    await mount([], { server });
    // Someone took the only seat meanwhile.
    server.registrations.push({ id: 'rg_other', eventId: 'ev_ws', spaceId, registrant: { kind: 'guest', name: 'Other', email: 'other@example.org' }, status: 'registered', createdAt: new Date().toISOString() });
    const el = await fixture<Calendar>(html`<cowork-event-calendar api=${api} space=${spaceId} storage="memory" .fetch=${server.fetch} view="list" date=${day} lang="en"></cowork-event-calendar>`);
    await waitUntil(() => $$(el, '.entry').length > 0);
    expect($(el, '.entry')!.textContent).to.contain('Full: waiting list');
    await open(el);
    expect(openDialog(el)!.querySelectorAll('.facts dd')[3]!.textContent).to.equal('Full: waiting list');
    expect(dialogText(el)).and.to.contain('The event is full: you can join the waiting list.');
    expect($(el, '[part~="register-button"]')!.textContent!.trim()).to.equal('Join the waiting list');
    fill(el, { name: 'Sophie Leroy', email: 'sophie.leroy@example.net' });
    const confirmed = oneEvent(el, 'cowork-registration-confirmed') as Promise<CoworkEvent<'cowork-registration-confirmed'>>;
    $(el, '[part~="register-button"]')!.click();
    expect((await confirmed).detail.registration.status).to.equal('waitlisted');
    await waitUntil(() => dialogText(el).includes('The event is full: you are on the waiting list, in position 1.'), 'waitlisted');
    expect(dialogText(el)).to.contain('Leave the waiting list');
    await expectNoAxeViolations(el);
  });

  it('follows the event’s registration rules', async () => {
    const past = new Date(Date.now() - 86_400_000).toISOString();
    const later = new Date(Date.now() + 5 * 86_400_000).toISOString();
    const { el } = await mount([
      workshop({ id: 'ev_full', capacity: 1, waitlistEnabled: false }),
      workshop({ id: 'ev_members', registration: { required: true, audience: ['member'] } }),
      workshop({ id: 'ev_closed', registration: { required: true, audience: ['guest', 'member'], closesAt: past } }),
      workshop({ id: 'ev_later', registration: { required: true, audience: ['guest', 'member'], opensAt: later } }),
      workshop({ id: 'ev_drop_in', registration: { required: false, audience: [] } }),
      workshop({ id: 'ev_optional', registration: { required: false, audience: ['guest'] } }),
    ]);
    const cases: [string, string][] = [
      ['ev_members', 'Members register for this event: sign in first.'],
      ['ev_closed', 'Registration is closed.'],
      ['ev_later', 'Registration opens on'],
      ['ev_drop_in', 'No registration needed: just come.'],
      ['ev_optional', 'Registering is optional: it helps the organizers plan.'],
    ];
    for (const [id, expected] of cases) {
      await open(el, id);
      expect(dialogText(el), id).to.contain(expected);
      if (id === 'ev_members') {
        expect(Boolean(openDialog(el)!.querySelector('cowork-sign-in'))).to.equal(true);
        await expectNoAxeViolations(el);
      }
      openDialog(el)!.close();
      await settle(el);
    }
    // A full event without a waiting list: the seat was taken by the time the visitor opens it.
    const server = calendarServer({ events: [workshop({ id: 'ev_full', capacity: 1, waitlistEnabled: false })] });
    server.registrations.push({ id: 'rg_x', eventId: 'ev_full', spaceId, registrant: { kind: 'guest', name: 'X', email: 'x@example.org' }, status: 'registered', createdAt: new Date().toISOString() });
    const { el: full } = await mount([], { server });
    await open(full, 'ev_full');
    expect(dialogText(full)).to.contain('This event is full.');
    expect(Boolean($(full, '[part~="register-button"]'))).to.equal(false);
  });

  it('explains a refusal, and retries a failed request with the same Idempotency-Key', async () => {
    const { el, server } = await mount([workshop()]);
    await open(el);
    fill(el, { name: 'Sophie Leroy', email: 'sophie.leroy@example.net' });
    server.failNext('POST /spaces/{spaceId}/events/{eventId}/registrations', { status: 422, code: 'event_full' });
    const error = oneEvent(el, 'cowork-error') as Promise<CoworkEvent<'cowork-error'>>;
    $(el, '[part~="register-button"]')!.click();
    expect((await error).detail.operation).to.equal('createRegistration');
    await waitUntil(() => $(el, '#reg-status[role="alert"]')?.textContent?.includes('Sorry, the event is now full.'), 'the refusal is explained');

    // The client retries a request with an Idempotency-Key twice by itself: fail all three.
    server.failNext('POST /spaces/{spaceId}/events/{eventId}/registrations', 'network', 3);
    $(el, '[part~="register-button"]')!.click();
    await waitUntil(() => $(el, '#reg-status [part~="retry-button"]'), 'a retry is offered', { timeout: 8000 });
    $(el, '#reg-status [part~="retry-button"]')!.click();
    await waitUntil(() => dialogText(el).includes('You are registered.'), 'the retry registers');
    const keys = server.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/registrations')).map((r) => r.headers.get('idempotency-key'));
    // The refused attempt had its own key; the failed one and its retry share theirs.
    expect(keys.length).to.be.greaterThanOrEqual(3);
    expect(keys.at(-1)).to.equal(keys.at(-2));
    expect(keys[0]).to.not.equal(keys.at(-1));
  });

  it('says when the server does not take registrations', async () => {
    const server = calendarServer({ events: [workshop()], features: ['events', 'ical'] });
    const { el } = await mount([], { server });
    await open(el);
    expect(dialogText(el)).to.contain('This server does not offer event registrations.');
    await expectNoAxeViolations(el);
  });

  it('downloads the event for the visitor’s calendar', async () => {
    const { el, server } = await mount([workshop()]);
    await open(el);
    let download: HTMLAnchorElement | undefined;
    el.shadowRoot!.addEventListener(
      'click',
      (e) => {
        const target = e.target as HTMLElement;
        if (target instanceof HTMLAnchorElement && target.download) {
          download = target;
          e.preventDefault();
        }
      },
      { capture: true },
    );
    $(el, '[part~="calendar-button"]')!.click();
    await waitUntil(() => download, 'the file is offered');
    expect(download!.download).to.equal('ev_ws.ics');
    expect(download!.href).to.match(/^blob:/);
    expect(server.callsTo('GET /spaces/{spaceId}/events/{eventId}/event.ics')).to.have.length(1);
  });

  it('gives the space’s iCalendar feed to subscribe to, with a copy button', async () => {
    const { el } = await mount([workshop()]);
    const details = $<HTMLDetailsElement>(el, '[part~="subscribe"]')!;
    details.open = true;
    const url = `${api}/spaces/${spaceId}/events.ics`;
    expect($<HTMLAnchorElement>(el, '[part~="subscribe"] a')!.href).to.equal(url);
    expect($<HTMLInputElement>(el, '#feed-url')!.value).to.equal(url);
    let copied = '';
    const original = Object.getOwnPropertyDescriptor(navigator, 'clipboard');
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async (text: string) => void (copied = text) } });
    try {
      [...details.querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Copy')!.click();
      expect(await announced(el)).to.equal('Address copied.');
      expect(copied).to.equal(url);
    } finally {
      if (original) Object.defineProperty(navigator, 'clipboard', original);
      else delete (navigator as { clipboard?: unknown }).clipboard;
    }
    await expectNoAxeViolations(el);
  });

  it('speaks French', async () => {
    const { el } = await mount([workshop()], { lang: 'fr' });
    await waitUntil(() => $(el, '#tag-filter option')!.textContent === 'Tous les thèmes', 'the French messages load');
    await open(el);
    const text = dialogText(el);
    for (const expected of ['Quand', 'Où', 'Organisation', '12 places restantes sur 12', 'Prévu', 'Inscription', 'Nom', 'S’inscrire', '18:00']) expect(text).to.contain(expected);
    fill(el, { name: 'Sophie Leroy', email: 'sophie.leroy@example.net' });
    $(el, '[part~="register-button"]')!.click();
    await waitUntil(() => dialogText(el).includes('Vous êtes inscrit·e.'), 'registered, in French');
    await expectNoAxeViolations(el);
  });
});
