import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../src/space/define.ts';
import '../src/sign-in/define.ts';
import type { CoworkSignIn } from '../src/sign-in/sign-in.ts';
import { expectNoAxeViolations } from './support/axe.ts';
import { createFixtureServer, type FixtureServer } from './support/fixture-server.ts';
import { api, memberEmail, spaceId } from './support/fixtures.ts';
import { deepActiveElement, press, type } from './support/keyboard.ts';

const $ = <T extends Element = HTMLElement>(el: CoworkSignIn, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const text = (el: CoworkSignIn) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ');

async function mount(server: FixtureServer, lang = 'en'): Promise<CoworkSignIn> {
  const root = await fixture<HTMLElement>(html`<div lang=${lang}><cowork-space api=${api} space=${spaceId} storage="memory" .fetch=${server.fetch}><cowork-sign-in></cowork-sign-in></cowork-space></div>`);
  const element = root.querySelector('cowork-sign-in')!;
  await waitUntil(() => $(element, '#email'), 'the email form shows');
  await waitUntil(() => text(element).includes('La Ruche'), 'the space is loaded');
  return element;
}

async function submitEmail(element: CoworkSignIn, email: string) {
  const input = $<HTMLInputElement>(element, '#email')!;
  input.focus();
  await type(email);
  await press('Enter');
}

describe('<cowork-sign-in>', () => {
  let server: FixtureServer;
  beforeEach(() => {
    server = createFixtureServer();
  });
  afterEach(async () => {
    // The fixture server's sessions are per fetch, but sessionStorage is per page.
    sessionStorage.clear();
  });

  it('signs in with the emailed code, with the keyboard alone, and says who is signed in', async () => {
    const element = await mount(server);
    await expectNoAxeViolations(element);
    const signedIn = oneEvent(element, 'cowork-signed-in');
    await submitEmail(element, memberEmail);
    await waitUntil(() => $(element, '#code'), 'the code step shows');
    await element.updateComplete;
    expect(deepActiveElement()?.id, 'focus moves to the code field').to.equal('code');
    const body = server.callsTo('POST /spaces/{spaceId}/auth/code')[0]!.body;
    expect(body).to.deep.equal({ email: memberEmail, language: 'en' });
    const code = $<HTMLInputElement>(element, '#code')!;
    expect(code.getAttribute('autocomplete')).to.equal('one-time-code');
    expect(code.getAttribute('inputmode')).to.equal('numeric');
    await expectNoAxeViolations(element);
    await type(server.lastCode(memberEmail)!);
    await press('Enter');
    const event = await signedIn;
    expect(event.detail.member.displayName).to.equal('Camille Durand');
    expect(event.detail.spaceId).to.equal(spaceId);
    expect(event.bubbles && event.composed).to.equal(true);
    await element.updateComplete;
    expect(text(element)).to.contain('Signed in as Camille Durand');
    expect(deepActiveElement()?.getAttribute('part')).to.equal('sign-out-button');
    await expectNoAxeViolations(element);
  });

  it('signs out: forgets the token, revokes it, and tells the page', async () => {
    const element = await mount(server);
    const session = (element.closest('cowork-space') as HTMLElement & { session: { signIn(t: unknown): void; token: string | null } }).session;
    session.signIn(server.signIn());
    await waitUntil(() => $(element, '[part~="sign-out-button"]'));
    const signedOut = oneEvent(element, 'cowork-signed-out');
    $(element, '[part~="sign-out-button"]')!.click();
    const event = await signedOut;
    expect(event.detail.reason).to.equal('user');
    expect(event.detail.member?.displayName).to.equal('Camille Durand');
    expect(session.token).to.equal(null);
    await waitUntil(() => server.callsTo('DELETE /spaces/{spaceId}/auth/token').length === 1, 'the token is revoked');
    await element.updateComplete;
    expect($(element, '#email')).to.exist;
  });

  it('refuses a malformed email before asking the server, and links the error to the field', async () => {
    const element = await mount(server);
    await submitEmail(element, 'not-an-email');
    await element.updateComplete;
    const input = $<HTMLInputElement>(element, '#email')!;
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(input.getAttribute('aria-describedby')).to.contain('email-error');
    expect($(element, '#email-error')!.textContent).to.contain('Enter an email address such as');
    expect(server.callsTo('POST /spaces/{spaceId}/auth/code')).to.have.length(0);
    expect(deepActiveElement()).to.equal(input);
    await expectNoAxeViolations(element);
  });

  it('explains a wrong or expired code, keeps the focus on the field, and accepts the right one after', async () => {
    const element = await mount(server);
    await submitEmail(element, memberEmail);
    await waitUntil(() => $(element, '#code'));
    await element.updateComplete;
    await type('000000');
    await press('Enter');
    await waitUntil(() => $(element, '#code-error'), 'the error shows');
    const code = $<HTMLInputElement>(element, '#code')!;
    expect($(element, '#code-error')!.textContent).to.contain('wrong or has expired');
    expect(code.getAttribute('aria-describedby')).to.contain('code-error');
    expect(code.getAttribute('aria-invalid')).to.equal('true');
    expect(deepActiveElement()).to.equal(code);
    await expectNoAxeViolations(element);
    code.value = '';
    await type('123456');
    await press('Enter');
    await waitUntil(() => text(element).includes('Signed in as'));
  });

  it('says how long to wait when the server limits attempts', async () => {
    server.failNext('POST /spaces/{spaceId}/auth/code', { status: 429, headers: { 'retry-after': '42' } });
    const element = await mount(server);
    await submitEmail(element, memberEmail);
    await waitUntil(() => $(element, '[role="alert"]'), 'the error shows');
    expect($(element, '[role="alert"]')!.textContent).to.contain('Too many attempts. Please wait 42 seconds');
    expect($(element, '#email')!.getAttribute('aria-describedby')).to.contain('error');
    await expectNoAxeViolations(element);
  });

  it('reports network failures and lets the member try again', async () => {
    server.failNext('POST /spaces/{spaceId}/auth/code', 'network');
    const element = await mount(server);
    const failed = oneEvent(element, 'cowork-error');
    await submitEmail(element, memberEmail);
    const event = await failed;
    expect(event.detail.operation).to.equal('requestSignInCode');
    expect(event.detail.kind).to.equal('network');
    await element.updateComplete;
    expect(text(element)).to.contain('could not be reached');
    await press('Enter');
    await waitUntil(() => $(element, '#code'), 'the second try works');
  });

  it('asks for a new code, and goes back to the email step', async () => {
    const element = await mount(server);
    await submitEmail(element, memberEmail);
    await waitUntil(() => $(element, '#code'));
    const [resend, other] = [...element.shadowRoot!.querySelectorAll<HTMLButtonElement>('.actions .link')];
    resend!.click();
    await waitUntil(() => server.callsTo('POST /spaces/{spaceId}/auth/code').length === 2);
    other!.click();
    await element.updateComplete;
    expect($<HTMLInputElement>(element, '#email')!.value).to.equal(memberEmail);
    expect(deepActiveElement()?.id).to.equal('email');
  });

  it('speaks French', async () => {
    const element = await mount(server, 'fr');
    await waitUntil(() => text(element).includes('Se connecter'), 'French messages load');
    expect(text(element)).to.contain('Adresse e-mail');
    expect(text(element)).to.contain('Recevoir un code');
    await submitEmail(element, memberEmail);
    await waitUntil(() => $(element, '#code'));
    expect(text(element)).to.contain('Code reçu par e-mail');
    expect(server.callsTo('POST /spaces/{spaceId}/auth/code')[0]!.body.language).to.equal('fr');
    await expectNoAxeViolations(element);
  });

  it('works alone with api and space attributes', async () => {
    const element = await fixture<CoworkSignIn>(html`<cowork-sign-in api=${api} space=${spaceId} storage="memory" .fetch=${server.fetch}></cowork-sign-in>`);
    await waitUntil(() => text(element).includes('La Ruche'));
    await submitEmail(element, memberEmail);
    await waitUntil(() => $(element, '#code'));
    await type('123456');
    await press('Enter');
    await waitUntil(() => text(element).includes('Signed in as Camille Durand'));
  });

  it('tells the webmaster when it is not connected to a space', async () => {
    const element = await fixture<CoworkSignIn>(html`<cowork-sign-in></cowork-sign-in>`);
    expect(text(element)).to.contain('not connected to a space');
    await expectNoAxeViolations(element);
  });
});
