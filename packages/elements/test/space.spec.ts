import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement } from 'lit';
import { SpaceController } from '../src/controllers/space-controller.ts';
import '../src/space/define.ts';
import { createFixtureServer } from './support/fixture-server.ts';
import { api, spaceId } from './support/fixtures.ts';

/** A minimal element using the controller, as every element does. */
class ProbeElement extends LitElement {
  static override properties = { api: { type: String }, space: { type: String }, storage: { type: String }, fetch: { attribute: false } };
  declare api: string | undefined;
  declare space: string | undefined;
  declare storage: string | undefined;
  declare fetch: typeof fetch | undefined;
  controller = new SpaceController(this);
  override connectedCallback(): void {
    super.connectedCallback();
    this.controller.needSpace();
  }
  protected override render() {
    return html`<span>${this.controller.space?.name ?? ''}</span>`;
  }
}
customElements.define('test-probe', ProbeElement);

describe('<cowork-space> and the space controller', () => {
  afterEach(() => sessionStorage.clear());

  it('provides the client, space, session and member to the elements inside it', async () => {
    const server = createFixtureServer();
    const root = await fixture<HTMLElement>(html`<cowork-space api=${api} space=${spaceId} .fetch=${server.fetch}><div><test-probe></test-probe></div></cowork-space>`);
    const probe = root.querySelector<ProbeElement>('test-probe')!;
    await waitUntil(() => probe.controller.space, 'the space loads');
    expect(probe.controller.standalone).to.equal(false);
    expect(probe.controller.spaceId).to.equal(spaceId);
    expect(probe.controller.space!.timeZone).to.equal('Europe/Paris');
    expect(probe.controller.features).to.include('guest-bookings');
    expect(probe.controller.supports('guest-bookings')).to.equal(true);
    expect(probe.controller.supports('waitlist')).to.equal(false);
    expect(probe.controller.member).to.equal(null);
    expect(server.callsTo('GET /spaces/{spaceId}')).to.have.length(1);
    expect(probe.shadowRoot!.textContent).to.contain('La Ruche');
  });

  it('shares one fetch of the space between several elements', async () => {
    const server = createFixtureServer();
    const root = await fixture<HTMLElement>(html`<cowork-space api=${api} space=${spaceId} .fetch=${server.fetch}><test-probe></test-probe><test-probe></test-probe></cowork-space>`);
    const probes = [...root.querySelectorAll<ProbeElement>('test-probe')];
    await waitUntil(() => probes.every((p) => p.controller.space));
    expect(server.callsTo('GET /spaces/{spaceId}')).to.have.length(1);
    expect(probes[0]!.controller.session).to.equal(probes[1]!.controller.session);
  });

  it('tells the elements inside when a member signs in and out', async () => {
    const server = createFixtureServer();
    const root = await fixture<HTMLElement>(html`<cowork-space api=${api} space=${spaceId} .fetch=${server.fetch}><test-probe></test-probe></cowork-space>`);
    const probe = root.querySelector<ProbeElement>('test-probe')!;
    await waitUntil(() => probe.controller.session);
    probe.controller.session!.signIn(server.signIn());
    await probe.updateComplete;
    expect(probe.controller.member?.displayName).to.equal('Camille Durand');
    await probe.controller.session!.signOut();
    await probe.updateComplete;
    expect(probe.controller.member).to.equal(null);
    expect(server.callsTo('DELETE /spaces/{spaceId}/auth/token')).to.have.length(1);
  });

  it('works alone with its own api and space attributes', async () => {
    const server = createFixtureServer();
    const probe = await fixture<ProbeElement>(html`<test-probe api=${api} space=${spaceId} .fetch=${server.fetch}></test-probe>`);
    await waitUntil(() => probe.controller.space, 'the space loads');
    expect(probe.controller.standalone).to.equal(true);
    expect(probe.controller.configured).to.equal(true);
    expect(probe.shadowRoot!.textContent).to.contain('La Ruche');
  });

  it('is not configured without a provider and without attributes', async () => {
    const probe = await fixture<ProbeElement>(html`<test-probe></test-probe>`);
    expect(probe.controller.configured).to.equal(false);
  });

  it('finds a <cowork-space> defined after the elements inside it', async () => {
    const server = createFixtureServer();
    // A provider under another tag name stands for one not yet defined: define it afterwards.
    const root = await fixture<HTMLElement>(html`<div><cowork-space-late api=${api} space=${spaceId} .fetch=${server.fetch}><test-probe></test-probe></cowork-space-late></div>`);
    const probe = root.querySelector<ProbeElement>('test-probe')!;
    expect(probe.controller.configured).to.equal(false);
    const { CoworkSpace } = await import('../src/space/space.ts');
    customElements.define('cowork-space-late', class extends CoworkSpace {});
    // The controller waits for `cowork-space` itself; with another name, ask again by reconnecting.
    probe.remove();
    root.querySelector('cowork-space-late')!.append(probe);
    await waitUntil(() => probe.controller.space, 'the late provider answers');
    expect(probe.controller.standalone).to.equal(false);
  });

  it('keeps the token in sessionStorage by default, in memory when asked, never in a cookie', async () => {
    const server = createFixtureServer();
    const root = await fixture<HTMLElement>(html`<cowork-space api=${api} space=${spaceId} .fetch=${server.fetch}><test-probe></test-probe></cowork-space>`);
    const probe = root.querySelector<ProbeElement>('test-probe')!;
    await waitUntil(() => probe.controller.session);
    const session = probe.controller.session!;
    const token = server.signIn();
    session.signIn(token);
    expect(sessionStorage.getItem(`cowork-session:${api}|${spaceId}`)).to.contain(token.token);
    session.storage = 'memory';
    expect(sessionStorage.getItem(`cowork-session:${api}|${spaceId}`)).to.equal(null);
    expect(session.token).to.equal(token.token);
    expect(document.cookie).to.equal('');
    session.storage = 'session';
    await session.signOut();
    expect(sessionStorage.getItem(`cowork-session:${api}|${spaceId}`)).to.equal(null);
  });

  it('forgets a token the server no longer accepts', async () => {
    const server = createFixtureServer();
    const probe = await fixture<ProbeElement>(html`<test-probe api=${api} space=${spaceId} storage="memory" .fetch=${server.fetch}></test-probe>`);
    await waitUntil(() => probe.controller.space);
    const session = probe.controller.session!;
    session.signIn(server.signIn());
    server.state.tokens.clear();
    const changes: string[] = [];
    session.subscribe((change) => changes.push(change.reason));
    const { getMe } = await import('@coworking-commons/client');
    await getMe(probe.controller.client!, { path: { spaceId } }).catch(() => {});
    expect(session.signedIn).to.equal(false);
    expect(changes).to.deep.equal(['expired']);
  });

  it('renders nothing of its own and does not change the layout', async () => {
    const server = createFixtureServer();
    const root = await fixture<HTMLElement>(html`<cowork-space api=${api} space=${spaceId} .fetch=${server.fetch}><p>content</p></cowork-space>`);
    expect(getComputedStyle(root).display).to.equal('contents');
  });
});
