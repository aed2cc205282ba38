import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../../src/space/define.ts';
import '../../src/member-directory/define.ts';
import type { CoworkMemberCard } from '../../src/member-card/member-card.ts';
import type { CoworkMemberDirectory } from '../../src/member-directory/member-directory.ts';
import type { CoworkSignIn } from '../../src/sign-in/sign-in.ts';
import { expectNoAxeViolations } from '../support/axe.ts';
import type { FixtureServer } from '../support/fixture-server.ts';
import { api, spaceId } from '../support/fixtures.ts';
import { deepActiveElement, press, tabUntil, type } from '../support/keyboard.ts';
import { screenshots } from '../support/screenshot.ts';
import { $, $$, hostile, memberServer, settle, signIn, text } from '../member-card/support.ts';

const listCalls = (server: FixtureServer) => server.callsTo('GET /spaces/{spaceId}/members');
const names = (dir: Element) => $$(dir, 'cowork-member-card').map((card) => $(card, '[part="name"]')?.textContent);
const live = (dir: Element) => $(dir, '.directory > [role="status"]')!.textContent!.trim();

async function mount(server: FixtureServer, attributes: { lang?: string; pageSize?: number; infinite?: boolean; q?: string; skill?: string } = {}): Promise<CoworkMemberDirectory> {
  const root = await fixture<HTMLElement>(html`<div lang=${attributes.lang ?? 'en'}>
    <cowork-space api=${api} space=${spaceId} storage="memory" .fetch=${server.fetch}>
      <cowork-member-directory page-size=${attributes.pageSize ?? 6} ?no-infinite-scroll=${!attributes.infinite} q=${attributes.q ?? ''} skill=${attributes.skill ?? ''}></cowork-member-directory>
    </cowork-space>
  </div>`);
  const dir = root.querySelector('cowork-member-directory')!;
  await waitUntil(() => $(dir, 'cowork-member-card') || $(dir, '.state:not(.loading)') || $(dir, '[part="invite"]'), 'the directory settles', { timeout: 5000 });
  await dir.updateComplete;
  await settle();
  return dir;
}

/** Signs Camille in through an embedded sign-in form, typing her email, then the code she got. */
async function signInWithKeyboard(signInForm: CoworkSignIn, server: FixtureServer): Promise<void> {
  (signInForm.shadowRoot!.querySelector('#email') as HTMLInputElement).focus();
  await type('camille.durand@example.org');
  await press('Enter');
  await waitUntil(() => signInForm.shadowRoot!.querySelector('#code'));
  await signInForm.updateComplete;
  await type(server.lastCode('camille.durand@example.org')!);
  await press('Enter');
}

describe('<cowork-member-directory>', () => {
  let server: FixtureServer;
  beforeEach(() => {
    server = memberServer();
  });
  afterEach(async () => {
    sessionStorage.clear();
    delete (window as { __pwned?: unknown }).__pwned;
    await setViewport({ width: 800, height: 600 });
    // Back to the top while this test's page is still there: once it is gone, the window would
    // keep its old scroll until the next layout, and the next list could start with its end in view.
    window.scrollTo(0, 0);
  });

  it('lists the first page of compact cards, given their data (no request per card)', async () => {
    const dir = await mount(server);
    expect(names(dir)).to.deep.equal(['Adam Mercier', 'Aminata Diallo', 'Awa Richard', 'Bastien Robert', 'Camille Durand', 'Elsa André']);
    expect(listCalls(server)).to.have.length(1);
    expect(listCalls(server)[0]!.query.get('limit')).to.equal('6');
    expect(server.callsTo('GET /spaces/{spaceId}/members/{memberId}'), 'the cards make no request').to.have.length(0);
    for (const card of $$(dir, 'cowork-member-card')) expect(card.getAttribute('variant')).to.equal('compact');
    expect($(dir, '[part="heading"]')!.textContent).to.equal('Member directory');
    expect($(dir, '[part="count"]')!.textContent).to.equal('6 members shown; there are more.');
    expect($(dir, '[part="load-more"]')).to.exist;
    expect(text(dir)).not.to.contain('Hugo Lefebvre');
    await expectNoAxeViolations(dir);
  });

  it('searches by name, company and skill after a pause in typing, and announces the count', async () => {
    const dir = await mount(server);
    const input = $<HTMLInputElement>(dir, '#q')!;
    expect(input.labels![0]!.textContent).to.equal('Search');
    input.focus();
    await type('atelier');
    // Typing makes no request until the pause.
    expect(listCalls(server)).to.have.length(1);
    await waitUntil(() => listCalls(server).length === 2, 'the search is sent after the pause');
    expect(listCalls(server)[1]!.query.get('q')).to.equal('atelier');
    await waitUntil(() => names(dir).length === 1);
    expect(names(dir)).to.deep.equal(['Camille Durand']);
    await waitUntil(() => live(dir) === '1 member found.', 'the count is announced');
    expect(deepActiveElement(), 'the focus stays in the search field').to.equal(input);

    input.select();
    await type('formatrice');
    await press('Enter');
    await waitUntil(() => listCalls(server).at(-1)!.query.get('q') === 'formatrice');
    await waitUntil(() => live(dir) === '4 members found.');
    expect(names(dir)).to.have.length(4);

    input.select();
    await type('TYPESCRIPT');
    await press('Enter');
    await waitUntil(() => names(dir)[0] === 'Yanis Benali', 'skills are searched, case-insensitively');
    await expectNoAxeViolations(dir);
  });

  it('filters by skill, with the skills seen so far', async () => {
    const dir = await mount(server);
    const select = $<HTMLSelectElement>(dir, '#skill')!;
    const options = [...select.options].map((o) => o.value);
    expect(options[0]).to.equal('');
    expect(options).to.include.members(['accounting', 'ux-design', 'training']);
    select.value = 'ux-design';
    select.dispatchEvent(new Event('change'));
    await waitUntil(() => listCalls(server).at(-1)!.query.get('skill') === 'ux-design');
    await waitUntil(() => names(dir).length === 1 && names(dir)[0] === 'Camille Durand', 'only members with the skill');
    await waitUntil(() => live(dir) === '1 member found.');
    await expectNoAxeViolations(dir);
  });

  it('starts from the q and skill attributes', async () => {
    const dir = await mount(server, { q: 'diallo', skill: 'tax' });
    expect(listCalls(server)[0]!.query.get('q')).to.equal('diallo');
    expect(listCalls(server)[0]!.query.get('skill')).to.equal('tax');
    expect(names(dir)).to.deep.equal(['Aminata Diallo']);
    expect($<HTMLInputElement>(dir, '#q')!.value).to.equal('diallo');
    expect($<HTMLSelectElement>(dir, '#skill')!.value).to.equal('tax');
  });

  it('loads more with the keyboard: the focus goes to the first new card', async () => {
    const dir = await mount(server);
    await tabUntil((el) => el.getAttribute('part') === 'load-more');
    await press('Enter');
    await waitUntil(() => names(dir).length === 12, 'the second page is added');
    expect(listCalls(server)[1]!.query.get('cursor')).to.equal('6');
    await dir.updateComplete;
    const focused = deepActiveElement()!;
    expect(focused.localName).to.equal('li');
    expect(focused.getAttribute('data-index')).to.equal('6');
    expect(focused.querySelector('cowork-member-card')!.member).to.have.property('displayName', names(dir)[6]);
    await waitUntil(() => live(dir) === '12 members shown; there are more.');
    await expectNoAxeViolations(dir);
    // Until the last page, which has no button.
    await tabUntil((el) => el.getAttribute('part') === 'load-more');
    await press('Enter');
    await waitUntil(() => names(dir).length === 18);
    await tabUntil((el) => el.getAttribute('part') === 'load-more');
    await press('Enter');
    await waitUntil(() => names(dir).length === 24);
    await dir.updateComplete;
    expect($(dir, '[part="load-more"]')).to.equal(null);
    await waitUntil(() => live(dir) === '24 members found.');
  });

  it('loads the next page by itself as the end of the list comes into view (infinite scroll)', async () => {
    await setViewport({ width: 800, height: 400 });
    const dir = await mount(server, { infinite: true, pageSize: 8 });
    // The first page fills more than the view: nothing more until the visitor scrolls.
    await new Promise((wake) => setTimeout(wake, 300));
    expect(listCalls(server)).to.have.length(1);
    $(dir, '.sentinel')!.scrollIntoView();
    await waitUntil(() => listCalls(server).length === 2, 'the second page is asked for');
    await waitUntil(() => names(dir).length === 16);
    expect(deepActiveElement()?.localName, 'the focus does not move').not.to.equal('li');
    $(dir, '.sentinel')!.scrollIntoView();
    await waitUntil(() => names(dir).length === 24, 'and the last');
    expect(listCalls(server)).to.have.length(3);
    expect($(dir, '.sentinel')).to.equal(null);
  });

  it('says when nothing matches, and clears the search', async () => {
    const dir = await mount(server);
    const input = $<HTMLInputElement>(dir, '#q')!;
    input.focus();
    await type('zzzz');
    await press('Enter');
    await waitUntil(() => $(dir, '[part~="empty"]'), 'the empty state shows');
    expect(text(dir)).to.contain('No member matches this search.');
    await waitUntil(() => live(dir) === 'No member found.');
    await expectNoAxeViolations(dir);
    await tabUntil((el) => el.textContent?.trim() === 'Clear the search');
    await press('Enter');
    await waitUntil(() => names(dir).length === 6);
    expect(deepActiveElement()).to.equal(input);
    expect(input.value).to.equal('');
  });

  it('says when the directory is empty, with the page’s own words under it', async () => {
    server.state.members = [];
    const root = await fixture<HTMLElement>(html`<cowork-space api=${api} space=${spaceId} storage="memory" .fetch=${server.fetch}>
      <cowork-member-directory><p slot="empty">Members: turn on “Show my card” in your profile.</p></cowork-member-directory>
    </cowork-space>`);
    const dir = root.querySelector('cowork-member-directory')!;
    await waitUntil(() => $(dir, '[part~="empty"]'));
    expect(text(dir)).to.contain('No member is in the directory yet.');
    expect($(dir, '[part~="empty"] button')).to.equal(null);
    expect($<HTMLSlotElement>(dir, '[part~="empty"] slot[name="empty"]')!.assignedElements()).to.have.length(1);
    await expectNoAxeViolations(dir);
  });

  it('lets the page style the cards through the directory’s parts', async () => {
    const root = await fixture<HTMLElement>(html`<div>
      <style>
        cowork-member-directory::part(card-name) { color: rgb(200, 0, 90); }
        cowork-member-directory::part(card-skill) { background: rgb(255, 240, 200); }
      </style>
      <cowork-space api=${api} space=${spaceId} storage="memory" .fetch=${server.fetch}><cowork-member-directory page-size="2"></cowork-member-directory></cowork-space>
    </div>`);
    const dir = root.querySelector('cowork-member-directory')!;
    await waitUntil(() => $(dir, 'cowork-member-card') && $($(dir, 'cowork-member-card')!, '[part="name"]'));
    const card = $(dir, 'cowork-member-card')!;
    expect(getComputedStyle($(card, '[part="name"]')!).color).to.equal('rgb(200, 0, 90)');
    expect(getComputedStyle($(card, '[part="skill"]')!).backgroundColor).to.equal('rgb(255, 240, 200)');
  });

  it('shows an error with a retry, on the first page and on a later one', async () => {
    server.failNext('GET /spaces/{spaceId}/members', { status: 400 });
    const error = new Promise<CustomEvent>((resolve) => document.addEventListener('cowork-error', (e) => resolve(e as CustomEvent), { once: true }));
    const dir = await mount(server);
    expect((await error).detail.operation).to.equal('listMemberCards');
    expect($(dir, '[role="alert"]')).to.exist;
    await expectNoAxeViolations(dir);
    $(dir, '[part~="retry-button"]')!.click();
    await waitUntil(() => names(dir).length === 6);

    server.failNext('GET /spaces/{spaceId}/members', { status: 400 });
    $(dir, '[part="load-more"]')!.click();
    await waitUntil(() => $(dir, '[role="alert"]'), 'the error of the second page shows');
    expect(names(dir), 'the first page stays').to.have.length(6);
    $(dir, '[part~="retry-button"]')!.click();
    await waitUntil(() => names(dir).length === 12);
  });

  it('invites to sign in when the directory is for members, then shows it', async () => {
    server.state.space.policies.directoryVisibility = 'members';
    const dir = await mount(server);
    expect(listCalls(server), 'no request the policy refuses').to.have.length(0);
    expect(text(dir)).to.contain('The member directory is for members.');
    expect(text(dir)).to.contain('Sign in as a member of La Ruche to see who else works here.');
    const signInForm = $<CoworkSignIn>(dir, 'cowork-sign-in')!;
    await waitUntil(() => signInForm.shadowRoot?.querySelector('#email'), 'the sign-in form is there');
    await expectNoAxeViolations(dir);
    await signInWithKeyboard(signInForm, server);
    await waitUntil(() => names(dir).length === 6, 'signed in, the directory shows');
    expect(listCalls(server)[0]!.token).to.be.a('string');
    await expectNoAxeViolations(dir);
  });

  it('works alone with its own api and space: its sign-in form and its cards share its session', async () => {
    server.state.space.policies.directoryVisibility = 'members';
    const root = await fixture<HTMLElement>(
      html`<div lang="en"><cowork-member-directory api=${api} space=${spaceId} storage="memory" .fetch=${server.fetch} page-size="6" no-infinite-scroll></cowork-member-directory></div>`,
    );
    const dir = root.querySelector('cowork-member-directory')!;
    await waitUntil(() => $(dir, '[part="invite"]'), 'the invitation shows', { timeout: 5000 });
    const signInForm = $<CoworkSignIn>(dir, 'cowork-sign-in')!;
    await waitUntil(() => signInForm.shadowRoot?.querySelector('#email'), 'the sign-in form is connected to the space');
    await signInWithKeyboard(signInForm, server);
    await waitUntil(() => names(dir).length === 6, 'signed in through its form, the directory shows');
    const own = $$<CoworkMemberCard>(dir, 'cowork-member-card').find((card) => $(card, '[part="name"]')?.textContent === 'Camille Durand')!;
    await waitUntil(() => $(own, '[part="edit-button"]'), 'the card knows who signed in');
    expect(server.callsTo('GET /spaces/{spaceId}/members/{memberId}'), 'the cards make no request').to.have.length(0);
    expect(server.callsTo('GET /spaces/{spaceId}'), 'one fetch of the space for all').to.have.length(1);
  });

  it('explains that a staff-only directory is not public, without asking', async () => {
    server.state.space.policies.directoryVisibility = 'staff';
    const dir = await mount(server);
    expect(listCalls(server)).to.have.length(0);
    expect(text(dir)).to.contain('This member directory is not public.');
    await signIn(dir, server);
    await dir.updateComplete;
    expect(text(dir), 'not for members either').to.contain('This member directory is not public.');
    await expectNoAxeViolations(dir);
  });

  it('follows the server when it refuses (a policy changed meanwhile)', async () => {
    const dir = await mount(server, {});
    server.state.space.policies.directoryVisibility = 'members';
    // The space document the element has still says public; the server says 401.
    $<HTMLInputElement>(dir, '#q')!.focus();
    await type('a');
    await press('Enter');
    await waitUntil(() => $(dir, '[part="invite"]'), 'the invitation to sign in shows');
  });

  it('tells when the server has no member directory', async () => {
    server.state.features = ['guest-bookings'];
    const dir = await mount(server);
    await waitUntil(() => $(dir, '[part~="unsupported"]'));
    expect(text(dir)).to.contain('This server does not offer the member directory.');
    expect(listCalls(server)).to.have.length(0);
    await expectNoAxeViolations(dir);
  });

  it('lets the signed-in member edit their own card in the directory, and keeps the change', async () => {
    const dir = await mount(server);
    await signIn(dir, server);
    const own = $$<CoworkMemberCard>(dir, 'cowork-member-card').find((card) => $(card, '[part="name"]')!.textContent === 'Camille Durand')!;
    await waitUntil(() => $(own, '[part="edit-button"]'), 'the own card is editable');
    expect($$(dir, 'cowork-member-card').filter((card) => $(card, '[part="edit-button"]')), 'only one').to.have.length(1);
    $(own, '[part="edit-button"]')!.click();
    await waitUntil(() => $(own, 'form'));
    await own.updateComplete;
    await settle();
    expect(own.hasAttribute('editing')).to.equal(true);
    expect(own.getBoundingClientRect().width, 'the editor takes the whole row').to.be.greaterThan(dir.getBoundingClientRect().width * 0.8);
    await screenshots('member-directory-editing', dir, { widths: [1280] });
    const headline = $<HTMLInputElement>(own, '#headline')!;
    headline.select();
    await type('Designer, directory edition');
    const updated = oneEvent(dir, 'cowork-member-updated');
    await press('Enter');
    await updated;
    await dir.updateComplete;
    const items = (dir as unknown as { shadowRoot: ShadowRoot }).shadowRoot.querySelectorAll('cowork-member-card');
    const again = [...items].find((card) => (card.member as { id: string }).id === 'mb_camille')!;
    expect((again.member as { headline: string }).headline, 'the directory keeps the saved card').to.equal('Designer, directory edition');
    // A new search shows it from the server too.
    $<HTMLInputElement>(dir, '#q')!.focus();
    await type('edition');
    await press('Enter');
    await waitUntil(() => names(dir).length === 1 && names(dir)[0] === 'Camille Durand');
  });

  it('shows member-provided markup as text in the directory', async () => {
    const eve = hostile.card();
    server.state.members.push({ ...eve, id: 'mb_eve', displayName: `Adèle ${hostile.text}`, email: 'eve@example.org', status: 'active', directoryConsent: true, createdAt: '2024-01-01T00:00:00Z', updatedAt: '2024-01-01T00:00:00Z' });
    const dir = await mount(server);
    await new Promise((wake) => setTimeout(wake, 200));
    const card = $$<CoworkMemberCard>(dir, 'cowork-member-card').find((c) => (c.member as { id: string }).id === 'mb_eve')!;
    expect($(card, '[part="name"]')!.textContent).to.equal(`Adèle ${hostile.text}`);
    expect((window as { __pwned?: unknown }).__pwned).to.equal(undefined);
    expect(card.shadowRoot!.querySelectorAll('img, script, iframe, b')).to.have.length(0);
    expect([...card.shadowRoot!.querySelectorAll('a')].map((a) => a.getAttribute('href'))).to.deep.equal(['https://safe.example/%3Cscript%3E']);
    expect([...$<HTMLSelectElement>(dir, '#skill')!.options].some((o) => o.value === '<svg onload=window.__pwned=5>')).to.equal(true);
    expect(dir.shadowRoot!.querySelectorAll('svg[onload], img, script')).to.have.length(0);
  });

  it('speaks French', async () => {
    const dir = await mount(server, { lang: 'fr' });
    await waitUntil(() => $(dir, '[part="heading"]')!.textContent === 'Annuaire des membres', 'the French messages load');
    expect($(dir, '[part="count"]')!.textContent).to.equal('6 membres affichés ; il y en a d’autres.');
    expect($(dir, '[part="load-more"]')!.textContent!.trim()).to.equal('Afficher plus de membres');
    expect($<HTMLInputElement>(dir, '#q')!.labels![0]!.textContent).to.equal('Rechercher');
    expect($$(dir, 'cowork-member-card')[0]!.shadowRoot!.querySelector('.skills')!.getAttribute('aria-label')).to.equal('Compétences');
    await expectNoAxeViolations(dir);
    server.state.space.policies.directoryVisibility = 'members';
    const invite = await mount(memberServerWithPolicy('members'), { lang: 'fr' });
    await waitUntil(() => text(invite).includes('L’annuaire est réservé aux membres.'));
    expect(text(invite)).to.contain('Connectez-vous en tant que membre de La Ruche');
    await expectNoAxeViolations(invite);
  });

  it('screenshots: the list, a search with no result, members only, staff only, loading (320 px and 1280 px, light and dark)', async () => {
    const dir = await mount(server, { pageSize: 8 });
    await screenshots('member-directory-list', dir);
    $<HTMLInputElement>(dir, '#q')!.focus();
    await type('zzzz');
    await press('Enter');
    await waitUntil(() => $(dir, '[part~="empty"]'));
    await screenshots('member-directory-empty', dir);

    const members = await mount(memberServerWithPolicy('members'));
    await waitUntil(() => $(members, 'cowork-sign-in')?.shadowRoot?.querySelector('#email'));
    await screenshots('member-directory-members-only', members);

    const staff = await mount(memberServerWithPolicy('staff'));
    await screenshots('member-directory-staff-only', staff);

    const slow = memberServer();
    const held = slow.hold('GET /spaces/{spaceId}/members');
    const root = await fixture<HTMLElement>(html`<div lang="en"><cowork-space api=${api} space=${spaceId} storage="memory" .fetch=${slow.fetch}><cowork-member-directory></cowork-member-directory></cowork-space></div>`);
    const loading = root.querySelector('cowork-member-directory')!;
    await held.reached;
    await loading.updateComplete;
    await screenshots('member-directory-loading', loading);
    held.release();
  });
});

function memberServerWithPolicy(visibility: 'members' | 'staff'): FixtureServer {
  const server = memberServer();
  server.state.space.policies.directoryVisibility = visibility;
  return server;
}
