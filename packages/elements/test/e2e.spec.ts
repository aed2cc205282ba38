// End to end, against a real reference server (SQLite, demo space) started by the test runner:
// sign in with the code the server mails, see one's bookings, cancel one, sign out.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { createBooking, createClient, createToken, getBooking, getMe, listResources, requestSignInCode, type CoworkClient } from '@coworking-commons/client';
import '../src/define-all.ts';
import type { CoworkMyBookings } from '../src/my-bookings/my-bookings.ts';
import type { CoworkSignIn } from '../src/sign-in/sign-in.ts';
import { instantOf, localDate } from '../src/localization/format.ts';
import { expectNoAxeViolations } from './support/axe.ts';
import { demoMembers, e2eServer, signInCode, specViolations, type E2eServer } from './support/e2e.ts';
import { press, type } from './support/keyboard.ts';

const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const text = (el: Element) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ');

async function signInThroughTheForm(element: CoworkSignIn, email: string): Promise<void> {
  await waitUntil(() => $(element, '#email'), 'the form shows', { timeout: 5000 });
  $<HTMLInputElement>(element, '#email')!.focus();
  const after = Date.now() - 1000;
  await type(email);
  await press('Enter');
  await waitUntil(() => $(element, '#code'), 'the code step shows', { timeout: 5000 });
  const code = await signInCode(email, after);
  await element.updateComplete;
  await type(code);
  await press('Enter');
}

/** A member's token, through the API, with the code the server mailed. */
async function memberToken(server: E2eServer, email: string): Promise<string> {
  const client = createClient({ baseUrl: server.url });
  const after = Date.now() - 1000;
  await requestSignInCode(client, { path: { spaceId: server.spaceId }, body: { email } });
  const code = await signInCode(email, after);
  return (await createToken(client, { path: { spaceId: server.spaceId }, body: { email, code } })).data.token;
}

/** Books the first free hour of the small meeting room from three days on, for the member. */
async function bookAnHour(server: E2eServer, client: CoworkClient) {
  const { data } = await listResources(client, { path: { spaceId: server.spaceId } });
  const room = data.items.find((r) => r.type === 'meeting_room' && r.bookableBy.includes('member'))!;
  for (let day = 3; day < 30; day++) {
    const date = localDate(new Date(Date.now() + day * 86_400_000), 'Europe/Paris');
    for (const hour of ['15:00', '16:00', '17:00']) {
      const start = instantOf(date, hour, 'Europe/Paris');
      try {
        const booking = await createBooking(client, {
          path: { spaceId: server.spaceId },
          body: { resourceId: room.id, start: start.toISOString(), end: new Date(start.getTime() + 3_600_000).toISOString(), title: 'Revue de projet' },
        });
        return { booking: booking.data, room };
      } catch {
        // Closed, taken or against a rule: the next hour.
      }
    }
  }
  throw new Error('no free hour found');
}

describe('end to end, against the reference server', function () {
  let server: E2eServer;
  before(async function () {
    this.timeout(60_000);
    server = await e2eServer();
  });
  afterEach(() => sessionStorage.clear());
  after(async () => {
    expect(await specViolations(), 'responses of the server that break the spec').to.deep.equal([]);
  });

  it('signs in with the mailed code, and signs out (the token stops working)', async () => {
    const element = await fixture<CoworkSignIn>(html`<cowork-sign-in api=${server.url} space=${server.spaceId} lang="fr"></cowork-sign-in>`);
    await waitUntil(() => text(element).includes('La Ruche'), 'the space loads', { timeout: 5000 });
    const signedIn = oneEvent(element, 'cowork-signed-in');
    await signInThroughTheForm(element, demoMembers.yanis);
    const event = await signedIn;
    expect(event.detail.member.displayName).to.equal('Yanis Benali');
    await waitUntil(() => text(element).includes('Yanis Benali'));
    await expectNoAxeViolations(element);
    const stored = JSON.parse(sessionStorage.getItem(`cowork-session:${server.url}|${server.spaceId}`)!);
    const client = createClient({ baseUrl: server.url, token: stored.token, retry: { limit: 0 } });
    expect((await getMe(client, { path: { spaceId: server.spaceId } })).data.email).to.equal(demoMembers.yanis);
    $(element, '[part~="sign-out-button"]')!.click();
    await waitUntil(() => $(element, '#email'));
    await waitUntil(
      () => getMe(client, { path: { spaceId: server.spaceId } }).then(() => false, (error: { status?: number }) => error.status === 401),
      'the server revoked the token',
      { timeout: 5000 },
    );
  });

  it('refuses a wrong code with a clear message', async () => {
    const element = await fixture<CoworkSignIn>(html`<cowork-sign-in api=${server.url} space=${server.spaceId}></cowork-sign-in>`);
    await waitUntil(() => $(element, '#email'), 'the form shows', { timeout: 5000 });
    $<HTMLInputElement>(element, '#email')!.focus();
    const after = Date.now() - 1000;
    await type(demoMembers.aminata);
    await press('Enter');
    await waitUntil(() => $(element, '#code'), 'the code step shows', { timeout: 5000 });
    const code = await signInCode(demoMembers.aminata, after);
    await type(code === '000000' ? '111111' : '000000');
    await press('Enter');
    await waitUntil(() => $(element, '#code-error'), 'the refusal shows', { timeout: 5000 });
    expect(text(element)).to.contain('This code is wrong or has expired');
  });

  it('lists the member’s upcoming bookings and cancels one', async () => {
    const token = await memberToken(server, demoMembers.thomas);
    const { booking, room } = await bookAnHour(server, createClient({ baseUrl: server.url, token, retry: { limit: 0 } }));
    const root = await fixture<HTMLElement>(html`<cowork-space api=${server.url} space=${server.spaceId}><cowork-my-bookings lang="en"></cowork-my-bookings></cowork-space>`);
    const list = root.querySelector<CoworkMyBookings>('cowork-my-bookings')!;
    await waitUntil(() => $(list, 'cowork-sign-in'), 'signed out, it invites to sign in', { timeout: 5000 });
    await signInThroughTheForm($<CoworkSignIn>(list, 'cowork-sign-in')!, demoMembers.thomas);
    await waitUntil(() => $(list, `#b-${booking.id}`), 'the booking is listed', { timeout: 5000 });
    const item = $(list, `#b-${booking.id}`)!;
    expect(item.textContent).to.contain(room.translations?.en?.name ?? room.name);
    expect(item.textContent).to.contain('Revue de projet');
    await expectNoAxeViolations(list);
    const cancelled = oneEvent(list, 'cowork-booking-cancelled');
    item.querySelector<HTMLButtonElement>('[part~="cancel-button"]')!.click();
    await list.updateComplete;
    item.querySelector<HTMLButtonElement>('[part~="confirm"] .button.danger')!.click();
    const event = await cancelled;
    expect(event.detail.booking.status).to.equal('cancelled');
    const check = createClient({ baseUrl: server.url, token, retry: { limit: 0 } });
    expect((await getBooking(check, { path: { spaceId: server.spaceId, bookingId: booking.id } })).data.status).to.equal('cancelled');
    await waitUntil(() => item.textContent!.includes('Cancelled'));
  });
});
