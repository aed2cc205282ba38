// End to end: <cowork-event-calendar> against a real reference server (a temporary SQLite database
// seeded with the demo space "La Ruche"), started by the test runner. The staff publish a workshop
// with one seat and a waiting list; a guest takes the seat; a member opens the workshop in the
// calendar, signs in on the spot with the code the server mails, and joins the waiting list; the
// guest's registration is cancelled through the API; in a fresh calendar (as after reloading the
// page) the member sees they now have the seat.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { cancelRegistration, createClient, createEvent, createRegistration, listRegistrations } from '@coworking-commons/client';
import '../../src/event-calendar/define.ts';
import { instantOf, localDate } from '../../src/localization/format.ts';
import { expectNoAxeViolations } from '../support/axe.ts';
import { e2eServer, signInCode, specViolations } from '../support/e2e.ts';
import { press, type } from '../support/keyboard.ts';
import { $, $$, openDialog, settle, type Calendar } from './support.ts';

// A demo member no other test file signs in (one sign-in code at a time per member).
const member = { email: 'karim.mansour@example.org', name: 'Karim Mansour' };

const dialogText = (el: Calendar) => (openDialog(el)?.textContent ?? '').replace(/\s+/g, ' ');

async function openWorkshop(el: Calendar, id: string): Promise<void> {
  await waitUntil(() => $(el, `.entry[data-id="${id}"]`), 'the workshop is listed', { timeout: 15_000 });
  $(el, `.entry[data-id="${id}"]`)!.click();
  await waitUntil(() => openDialog(el) && $(el, '#dialog-title'), 'the dialog opens', { timeout: 8000 });
  await settle(el);
}

describe('<cowork-event-calendar> end to end, against the reference server', function () {
  it('a member joins the waiting list of a full workshop, and gets the seat once it frees up', async function () {
    this.timeout(60_000);
    const server = await e2eServer();
    const staff = createClient({ baseUrl: server.url, token: server.staffKey });
    const date = localDate(new Date(Date.now() + 6 * 86_400_000), 'Europe/Paris');
    const { data: workshop } = await createEvent(staff, {
      path: { spaceId: server.spaceId },
      body: {
        title: 'Atelier réparation de vélos',
        summary: 'Une place, et une liste d’attente.',
        start: instantOf(date, '18:00', 'Europe/Paris').toISOString(),
        end: instantOf(date, '20:00', 'Europe/Paris').toISOString(),
        location: { kind: 'text', text: 'Cour intérieure' },
        tags: ['atelier'],
        capacity: 1,
        waitlistEnabled: true,
        registration: { required: true, audience: ['guest', 'member'] },
      },
    });
    // A guest takes the only seat.
    const { data: guest } = await createRegistration(createClient({ baseUrl: server.url }), {
      path: { spaceId: server.spaceId, eventId: workshop.id },
      body: { guest: { name: 'Jonas Weber', email: 'jonas.weber@example.com' } },
    });
    expect(guest.status).to.equal('registered');

    const el = await fixture<Calendar>(html`<cowork-event-calendar api=${server.url} space=${server.spaceId} view="list" date=${date} lang="en"></cowork-event-calendar>`);
    await openWorkshop(el, workshop.id);
    expect(dialogText(el)).to.contain('Full: waiting list').and.to.contain('Cour intérieure');

    // The member signs in from the dialog, with the code the server mails.
    [...openDialog(el)!.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent!.trim() === 'Sign in')!.click();
    await settle(el);
    const signIn = openDialog(el)!.querySelector('cowork-sign-in')!;
    await waitUntil(() => signIn.shadowRoot?.querySelector('#email'), 'the sign-in form shows', { timeout: 8000 });
    signIn.shadowRoot!.querySelector<HTMLInputElement>('#email')!.focus();
    const after = Date.now() - 1000;
    await type(member.email);
    await press('Enter');
    await waitUntil(() => signIn.shadowRoot!.querySelector('#code'), 'the code step shows', { timeout: 8000 });
    await type(await signInCode(member.email, after));
    await press('Enter');
    await waitUntil(() => dialogText(el).includes(`You are registering as ${member.name}.`), 'signed in, the member’s form shows', { timeout: 8000 });
    await expectNoAxeViolations(el);

    $(el, '[part~="register-button"]')!.click();
    await waitUntil(() => dialogText(el).includes('The event is full: you are on the waiting list, in position 1.'), 'waitlisted', { timeout: 8000 });
    expect(dialogText(el)).to.contain('Leave the waiting list');

    // The guest's registration is cancelled (by the staff, through the API): the member moves up.
    const cancelled = await cancelRegistration(staff, { path: { spaceId: server.spaceId, registrationId: guest.id } });
    expect(cancelled.data.status).to.equal('cancelled');
    const { data: registrations } = await listRegistrations(staff, { path: { spaceId: server.spaceId }, query: { eventId: workshop.id } });
    expect(registrations.items.find((r) => r.registrant.name === member.name)?.status).to.equal('registered');

    // As after reloading the page: a fresh calendar, the member still signed in (sessionStorage).
    openDialog(el)!.close();
    el.remove();
    const again = await fixture<Calendar>(html`<cowork-event-calendar api=${server.url} space=${server.spaceId} view="list" date=${date} lang="en"></cowork-event-calendar>`);
    await openWorkshop(again, workshop.id);
    await waitUntil(() => dialogText(again).includes('You are registered.'), 'the member sees the seat is theirs', { timeout: 8000 });
    expect(dialogText(again)).to.contain('Cancel my registration');
    expect($$(again, '.entry').length).to.be.greaterThan(0);
    await expectNoAxeViolations(again);

    expect(await specViolations()).to.deep.equal([]);
  });
});
