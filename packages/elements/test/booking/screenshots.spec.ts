// Screenshots of every step of <cowork-booking>, at 320 and 1280 px, light and dark, for people to
// look at (packages/elements/screenshots/booking-*.png). Each one also checks that nothing is wider
// than the element (no horizontal overflow at 320 px) and that axe finds nothing.
import { expect, waitUntil } from '@open-wc/testing';
import '../../src/space/define.ts';
import '../../src/booking/define.ts';
import type { CoworkBooking } from '../../src/booking/booking.ts';
import { expectNoAxeViolations } from '../support/axe.ts';
import { screenshots } from '../support/screenshot.ts';
import { atParis, bookingDay, bookingServer, deep, deepAll, mountBooking, settle, text, type BookingServer } from './support.ts';

const pause = (ms: number) => new Promise((wake) => setTimeout(wake, ms));

/** No descendant sticks out of the element (a horizontal scrollbar at 320 px). */
function expectNoOverflow(el: HTMLElement): void {
  const right = el.getBoundingClientRect().right;
  const roots = [el.shadowRoot!, el.shadowRoot!.querySelector('cowork-booking-checkout')?.shadowRoot].filter(Boolean) as ShadowRoot[];
  for (const root of roots) {
    for (const node of root.querySelectorAll<HTMLElement>('*')) {
      const box = node.getBoundingClientRect();
      if (box.width && box.right > right + 1 && !node.closest('.visually-hidden')) {
        throw new Error(`<${node.localName} class="${node.className}"> overflows the widget by ${Math.round(box.right - right)} px`);
      }
    }
  }
}

async function shoot(name: string, el: CoworkBooking): Promise<void> {
  await settle(el);
  await screenshots(`booking-${name}`, el, {
    settle: async () => {
      await pause(60);
      await settle(el);
      if (innerWidth <= 320) expectNoOverflow(el);
    },
  });
  await expectNoAxeViolations(el);
}

async function toTimes(server: BookingServer, lang = 'en', attrs: Record<string, string> = {}): Promise<CoworkBooking> {
  const el = await mountBooking(server, { lang, attrs: { resource: 'rs_atelier', date: bookingDay(), ...attrs } });
  await waitUntil(() => deep(el, '.times input'), 'the times load');
  return el;
}

async function pick(el: CoworkBooking, index: number): Promise<void> {
  deepAll<HTMLInputElement>(el, '.times input')[index]!.click();
  await settle(el);
}

async function toReview(el: CoworkBooking): Promise<void> {
  deepAll(el, 'button').find((b) => /Continue|Continuer/.test(b.textContent!))!.click();
  await waitUntil(() => deep(el, '[part~="price"]'), 'the review shows');
  await settle(el);
}

function fill(el: CoworkBooking): void {
  for (const [id, value] of [
    ['name', 'Léa Martin'],
    ['email', 'lea.martin@example.net'],
  ]) {
    const input = deep<HTMLInputElement>(el, `#${id}`)!;
    input.value = value!;
    input.dispatchEvent(new Event('input'));
  }
}

describe('<cowork-booking> screenshots', () => {
  let server: BookingServer;
  beforeEach(() => {
    server = bookingServer();
    const date = bookingDay();
    server.bookElsewhere('rs_atelier', atParis(date, '12:00'), atParis(date, '13:30'));
  });

  it('1. the resources', async () => {
    const el = await mountBooking(server);
    await shoot('1-resources-en', el);
    const fr = await mountBooking(bookingServer(), { lang: 'fr' });
    await waitUntil(() => text(fr).includes('Choisissez'));
    await shoot('1-resources-fr', fr);
  });

  it('2. the date and the times', async () => {
    const el = await toTimes(server);
    await pick(el, 4);
    await shoot('2-times-en', el);
    const fr = await toTimes(bookingServer(), 'fr', { resource: 'rs_open_space' });
    await waitUntil(() => text(fr).includes('Heure de début'));
    await pick(fr, 2);
    await shoot('2-times-fr-pooled', fr);
  });

  it('2b. a day without free times, and the calendar focused', async () => {
    const date = bookingDay();
    server.bookElsewhere('rs_atelier', atParis(date, '08:00'), atParis(date, '12:00'));
    server.bookElsewhere('rs_atelier', atParis(date, '13:30'), atParis(date, '19:00'));
    const el = await mountBooking(server, { attrs: { resource: 'rs_atelier', date } });
    await waitUntil(() => text(el).includes('No time left'), 'the empty day shows');
    await shoot('2b-no-time', el);
    const el2 = await mountBooking(bookingServer(), { attrs: { resource: 'rs_atelier' } });
    deep(el2, 'td[tabindex="0"]')!.focus();
    await shoot('2c-calendar-focus', el2);
  });

  it('3. the review, as a guest, with errors', async () => {
    const el = await toTimes(server);
    await pick(el, 4);
    await toReview(el);
    await shoot('3-review-en', el);
    deep(el, '[part~="submit-button"]')!.click();
    await settle(el);
    await shoot('3-review-errors-en', el);
  });

  it('3b. the review with the sign-in, in French', async () => {
    const el = await toTimes(server, 'fr');
    await waitUntil(() => text(el).includes('Heure de début'));
    await pick(el, 4);
    await toReview(el);
    deepAll(el, 'button').find((b) => b.textContent!.trim() === 'Se connecter')!.click();
    await waitUntil(() => deep(el, 'cowork-sign-in')?.shadowRoot?.querySelector('#email'));
    await shoot('3b-review-sign-in-fr', el);
  });

  it('4. the conflict', async () => {
    const el = await toTimes(server);
    await pick(el, 4);
    await toReview(el);
    fill(el);
    const date = bookingDay();
    const start = Number(deepAll<HTMLInputElement>(el, '.times input')[4]?.value ?? Date.parse(atParis(date, '10:00')));
    server.bookElsewhere('rs_atelier', new Date(start).toISOString(), new Date(start + 3_600_000).toISOString());
    deep(el, '[part~="submit-button"]')!.click();
    await waitUntil(() => deep(el, '.notice') && deep(el, '.times input'), 'the conflict shows');
    await shoot('4-conflict-en', el);
  });

  it('5. the confirmation, and the cancellation', async () => {
    const el = await toTimes(server, 'fr');
    await waitUntil(() => text(el).includes('Heure de début'));
    await pick(el, 4);
    await toReview(el);
    fill(el);
    deep(el, '[part~="submit-button"]')!.click();
    await waitUntil(() => text(el).includes('Réservation confirmée'));
    await shoot('5-confirmation-fr', el);
    deep(el, '#cancel')!.click();
    await settle(el);
    await shoot('5b-cancel-confirm-fr', el);
    deep(el, '#cancel-yes')!.click();
    await waitUntil(() => text(el).includes('Réservation annulée'));
    await shoot('5c-cancelled-fr', el);
  });

  it('6. loading and error states', async () => {
    const held = server.hold('GET /spaces/{spaceId}/resources');
    const loading = mountBooking(server, { until: (e) => !!e.shadowRoot?.querySelector('[part~="loading"]') });
    await held.reached;
    const el = await loading;
    await shoot('6-loading', el);
    held.release();
    const failing = bookingServer();
    failing.fail('GET /spaces/{spaceId}/resources', { status: 500 });
    const broken = await mountBooking(failing, { until: (e) => !!e.shadowRoot?.querySelector('[part~="error"]') });
    await shoot('6b-error', broken);
    expect(text(broken)).to.contain('Try again');
  });
});
