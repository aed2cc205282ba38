// Screenshots of <cowork-sign-in> and <cowork-my-bookings> in each state, at 320 and 1280 px, light
// and dark, English and French, saved under packages/elements/screenshots/ for people to look at.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/define-all.ts';
import type { CoworkMyBookings } from '../src/my-bookings/my-bookings.ts';
import type { CoworkSignIn } from '../src/sign-in/sign-in.ts';
import type { CoworkSpace } from '../src/space/space.ts';
import { createFixtureServer, type FixtureServer } from './support/fixture-server.ts';
import { api, memberEmail, spaceId } from './support/fixtures.ts';
import { screenshots } from './support/screenshot.ts';

const shadowText = (el: Element) => el.shadowRoot!.textContent!;

async function page(server: FixtureServer, lang: string, content: 'sign-in' | 'my-bookings'): Promise<{ provider: CoworkSpace; element: HTMLElement }> {
  const root = await fixture<HTMLElement>(html`<main lang=${lang} style="max-width: 44rem">
    <cowork-space api=${api} space=${spaceId} storage="memory" .fetch=${server.fetch}>
      ${content === 'sign-in' ? html`<cowork-sign-in></cowork-sign-in>` : html`<cowork-my-bookings></cowork-my-bookings>`}
    </cowork-space>
  </main>`);
  const provider = root.querySelector<CoworkSpace>('cowork-space')!;
  await waitUntil(() => provider.state?.space, 'the space loads');
  return { provider, element: root.querySelector<HTMLElement>(content === 'sign-in' ? 'cowork-sign-in' : 'cowork-my-bookings')! };
}

const french = (lang: string, el: Element, en: string, fr: string) => waitUntil(() => shadowText(el).includes(lang === 'fr' ? fr : en), `${lang} text shows`);

for (const lang of ['en', 'fr']) {
  describe(`screenshots (${lang})`, () => {
    afterEach(() => sessionStorage.clear());

    it('sign-in: email, code with an error, signed in', async () => {
      const server = createFixtureServer();
      const { provider, element } = await page(server, lang, 'sign-in');
      const signIn = element as CoworkSignIn;
      await french(lang, signIn, 'Send me a code', 'Recevoir un code');
      await screenshots(`sign-in-email-${lang}`, signIn);
      const email = signIn.shadowRoot!.querySelector<HTMLInputElement>('#email')!;
      email.value = memberEmail;
      signIn.shadowRoot!.querySelector<HTMLButtonElement>('[part~="submit-button"]')!.click();
      await waitUntil(() => signIn.shadowRoot!.querySelector('#code'));
      signIn.shadowRoot!.querySelector<HTMLInputElement>('#code')!.value = '999999';
      signIn.shadowRoot!.querySelector<HTMLButtonElement>('[part~="submit-button"]')!.click();
      await waitUntil(() => signIn.shadowRoot!.querySelector('#code-error'));
      await screenshots(`sign-in-code-error-${lang}`, signIn);
      provider.session!.signIn(server.signIn());
      await waitUntil(() => signIn.shadowRoot!.querySelector('[part~="sign-out-button"]'));
      await screenshots(`sign-in-signed-in-${lang}`, signIn);
    });

    it('my-bookings: signed out, loading, list, confirming a cancellation, error, empty', async () => {
      const server = createFixtureServer();
      const { provider, element } = await page(server, lang, 'my-bookings');
      const list = element as CoworkMyBookings;
      await waitUntil(() => list.shadowRoot!.querySelector('cowork-sign-in')?.shadowRoot?.querySelector('#email'));
      await french(lang, list, 'My bookings', 'Mes réservations');
      await screenshots(`my-bookings-signed-out-${lang}`, list);
      const held = server.hold('GET /spaces/{spaceId}/bookings');
      provider.session!.signIn(server.signIn());
      await held.reached;
      await list.updateComplete;
      await screenshots(`my-bookings-loading-${lang}`, list);
      held.release();
      await waitUntil(() => list.shadowRoot!.querySelector('[part~="list"]'));
      // The cancelled one shows its state too.
      await screenshots(`my-bookings-list-${lang}`, list);
      list.shadowRoot!.querySelector<HTMLButtonElement>('#b-bk_workshop [part~="cancel-button"]')!.click();
      await list.updateComplete;
      await screenshots(`my-bookings-confirm-${lang}`, list);
      list.shadowRoot!.querySelector<HTMLButtonElement>('#b-bk_workshop [part~="confirm"] .button.danger')!.click();
      await waitUntil(() => shadowText(list).includes(lang === 'fr' ? 'Annulée' : 'Cancelled'));
      await screenshots(`my-bookings-cancelled-${lang}`, list);
      server.fail('GET /spaces/{spaceId}/bookings', { status: 503 });
      await list.reload();
      await screenshots(`my-bookings-error-${lang}`, list);
      server.clearFailures();
      server.state.bookings = [];
      await list.reload();
      await screenshots(`my-bookings-empty-${lang}`, list);
      expect(true).to.equal(true);
    });
  });
}
