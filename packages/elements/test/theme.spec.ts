import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../src/define-all.ts';
import type { CoworkSignIn } from '../src/sign-in/sign-in.ts';
import type { CoworkMyBookings } from '../src/my-bookings/my-bookings.ts';
import type { CoworkSpace } from '../src/space/space.ts';
import { expectNoAxeViolations } from './support/axe.ts';
import { createFixtureServer } from './support/fixture-server.ts';
import { api, spaceId } from './support/fixtures.ts';
import { deepActiveElement, tab } from './support/keyboard.ts';

const button = (el: CoworkSignIn) => el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="submit-button"]')!;

async function mountSignIn(attributes: { theme?: string } = {}) {
  const server = createFixtureServer();
  const el = await fixture<CoworkSignIn>(html`<cowork-sign-in api=${api} space=${spaceId} storage="memory" theme=${attributes.theme ?? ''} .fetch=${server.fetch}></cowork-sign-in>`);
  await waitUntil(() => el.shadowRoot!.querySelector('#email'));
  return el;
}

function snapshot(el: Element) {
  const s = getComputedStyle(el);
  return { display: s.display, color: s.color, fontSize: s.fontSize, fontFamily: s.fontFamily, background: s.backgroundColor, visibility: s.visibility, lineHeight: s.lineHeight };
}

describe('theme', () => {
  let pageStyle: HTMLStyleElement | undefined;
  afterEach(async () => {
    pageStyle?.remove();
    pageStyle = undefined;
    await emulateMedia({ colorScheme: 'light' });
  });

  it('is not broken by the page’s CSS, even with !important', async () => {
    const el = await mountSignIn();
    const before = snapshot(button(el));
    const host = snapshot(el);
    pageStyle = document.createElement('style');
    pageStyle.textContent = `* { color: red !important; font-size: 40px; font-family: "Comic Sans MS", cursive !important; line-height: 5 !important; letter-spacing: 4px !important; text-transform: uppercase !important; }
      button { display: none !important; } input { display: none; } div, p, h2 { background: yellow !important; }`;
    document.head.append(pageStyle);
    await el.updateComplete;
    expect(snapshot(button(el))).to.deep.equal(before);
    expect(snapshot(el).color).to.equal(host.color);
    expect(snapshot(el).fontSize).to.equal(host.fontSize);
    expect(getComputedStyle(el.shadowRoot!.querySelector('#email')!).display).to.not.equal('none');
    expect(getComputedStyle(el.shadowRoot!.querySelector('h2')!).textTransform).to.equal('none');
  });

  it('adds no styles to the page', async () => {
    const sheets = document.styleSheets.length;
    const adopted = document.adoptedStyleSheets.length;
    const probe = document.createElement('button');
    document.body.append(probe);
    const before = snapshot(probe);
    const el = await mountSignIn();
    await el.updateComplete;
    expect(document.styleSheets.length).to.equal(sheets);
    expect(document.adoptedStyleSheets.length).to.equal(adopted);
    expect(snapshot(probe)).to.deep.equal(before);
    probe.remove();
  });

  it('is themed from the page with --cowork-* custom properties', async () => {
    pageStyle = document.createElement('style');
    pageStyle.textContent = `cowork-sign-in { --cowork-color-accent: rgb(200, 0, 100); --cowork-radius: 0px; --cowork-font-family: Georgia, serif; }`;
    document.head.append(pageStyle);
    const el = await mountSignIn();
    const s = getComputedStyle(button(el));
    expect(s.backgroundColor).to.equal('rgb(200, 0, 100)');
    expect(s.borderTopLeftRadius).to.equal('0px');
    expect(getComputedStyle(el).fontFamily).to.contain('Georgia');
  });

  it('follows prefers-color-scheme unless the theme attribute says otherwise', async () => {
    const el = await mountSignIn();
    const light = getComputedStyle(el).backgroundColor;
    await emulateMedia({ colorScheme: 'dark' });
    const dark = getComputedStyle(el).backgroundColor;
    expect(dark).to.not.equal(light);
    el.setAttribute('theme', 'light');
    expect(getComputedStyle(el).backgroundColor).to.equal(light);
    await emulateMedia({ colorScheme: 'light' });
    el.setAttribute('theme', 'dark');
    expect(getComputedStyle(el).backgroundColor).to.equal(dark);
  });

  it('shows a visible focus ring on keyboard focus', async () => {
    const el = await mountSignIn();
    el.shadowRoot!.querySelector<HTMLInputElement>('#email')!.focus();
    await tab();
    const focused = deepActiveElement()!;
    expect(focused.getAttribute('part')).to.equal('submit-button');
    const s = getComputedStyle(focused);
    expect(s.outlineStyle).to.equal('solid');
    expect(parseFloat(s.outlineWidth)).to.be.at.least(2);
  });

  it('stops animations when the visitor prefers reduced motion', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    const el = await mountSignIn();
    expect(parseFloat(getComputedStyle(button(el)).transitionDuration)).to.be.below(0.001);
    await emulateMedia({ reducedMotion: 'no-preference' });
  });

  it('hides the element with the hidden attribute', async () => {
    const el = await mountSignIn();
    el.hidden = true;
    expect(getComputedStyle(el).display).to.equal('none');
  });

  it('keeps enough contrast in dark mode (axe), in the sign-in error and the bookings list', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    const server = createFixtureServer();
    const root = await fixture<CoworkSpace>(html`<cowork-space api=${api} space=${spaceId} storage="memory" .fetch=${server.fetch}><cowork-sign-in></cowork-sign-in><cowork-my-bookings></cowork-my-bookings></cowork-space>`);
    const signIn = root.querySelector<CoworkSignIn>('cowork-sign-in')!;
    await waitUntil(() => signIn.shadowRoot!.querySelector('#email'));
    signIn.shadowRoot!.querySelector<HTMLInputElement>('#email')!.value = 'nope';
    button(signIn).click();
    await waitUntil(() => signIn.shadowRoot!.querySelector('#email-error'));
    await expectNoAxeViolations(signIn);
    root.session!.signIn(server.signIn());
    const list = root.querySelector<CoworkMyBookings>('cowork-my-bookings')!;
    await waitUntil(() => list.shadowRoot!.querySelector('[part~="list"]'));
    list.shadowRoot!.querySelector<HTMLButtonElement>('[part~="cancel-button"]')!.click();
    await list.updateComplete;
    await expectNoAxeViolations(list);
    await expectNoAxeViolations(signIn);
  });
});
