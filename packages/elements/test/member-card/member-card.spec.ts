import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../../src/space/define.ts';
import '../../src/member-card/define.ts';
import type { CoworkMemberCard } from '../../src/member-card/member-card.ts';
import { avatarHue, initials } from '../../src/member-card/avatar.ts';
import { linkKinds, renderIcon, safeUrl } from '../../src/member-card/links.ts';
import { render } from 'lit';
import { expectNoAxeViolations } from '../support/axe.ts';
import type { FixtureServer } from '../support/fixture-server.ts';
import { api, spaceId } from '../support/fixtures.ts';
import { deepActiveElement, press, tabUntil, type } from '../support/keyboard.ts';
import { screenshots } from '../support/screenshot.ts';
import { $, $$, avatarInk, avatarUrl, cardOf, contrast, hostile, memberServer, members, settle, signIn, text, type MemberCard } from './support.ts';

const byId = (id: string) => cardOf(members().find((m) => m.id === id)!);

/** A card inside a <cowork-space> (fetching by id when `member` is a string). */
async function mount(server: FixtureServer, member: string | MemberCard, options: { lang?: string; variant?: string; readonly?: boolean; width?: string } = {}): Promise<CoworkMemberCard> {
  const root = await fixture<HTMLElement>(html`<div lang=${options.lang ?? 'en'} style="max-width: ${options.width ?? '40em'}">
    <cowork-space api=${api} space=${spaceId} storage="memory" .fetch=${server.fetch}>
      ${typeof member === 'string'
        ? html`<cowork-member-card member=${member} variant=${options.variant ?? 'full'} ?readonly=${options.readonly}></cowork-member-card>`
        : html`<cowork-member-card .member=${member} variant=${options.variant ?? 'full'} ?readonly=${options.readonly}></cowork-member-card>`}
    </cowork-space>
  </div>`);
  const card = root.querySelector('cowork-member-card')!;
  await waitUntil(() => $(card, '.card') || $(card, '.state:not(.loading)'), 'the card or a state shows', { timeout: 5000 });
  await card.updateComplete;
  return card;
}

/** A CSS colour (`oklch()` included) as `#rrggbb`, as the browser paints it in sRGB. */
function painted(colour: string): string {
  const context = document.createElement('canvas').getContext('2d', { willReadFrequently: true })!;
  context.fillStyle = colour;
  context.fillRect(0, 0, 1, 1);
  return `#${[...context.getImageData(0, 0, 1, 1).data.slice(0, 3)].map((n) => n.toString(16).padStart(2, '0')).join('')}`;
}

describe('<cowork-member-card>', () => {
  let server: FixtureServer;
  beforeEach(() => {
    server = memberServer();
  });
  afterEach(() => {
    sessionStorage.clear();
    delete (window as { __pwned?: unknown }).__pwned;
  });

  describe('showing a card', () => {
    it('renders a card given by the page (.member) without any request, even standing alone', async () => {
      const root = await fixture<HTMLElement>(
        html`<div lang="en"><cowork-member-card api=${api} space=${spaceId} storage="memory" .fetch=${server.fetch} .member=${byId('mb_camille')}></cowork-member-card></div>`,
      );
      const card = root.querySelector('cowork-member-card')!;
      await waitUntil(() => $(card, '.card'));
      // Let the standalone connection set itself up, and anything that would fetch do so.
      await new Promise((wake) => setTimeout(wake, 300));
      await settle();
      expect(server.requests.map((r) => `${r.method} ${r.path}`)).to.deep.equal([]);
      expect($(card, '[part="name"]')!.textContent).to.equal('Camille Durand');
      expect($(card, '[part="name"]')!.getAttribute('role')).to.equal('heading');
      expect($(card, '[part="name"]')!.getAttribute('aria-level')).to.equal('3');
      expect($(card, '[part="headline"]')!.textContent).to.equal('Designer UX/UI indépendante');
      expect($(card, '[part="company"]')!.textContent).to.equal('Atelier Durand');
      const bio = $(card, '[part="bio"]')!;
      expect(bio.textContent).to.contain('accessibles.\nDemandez-moi');
      expect(getComputedStyle(bio).whiteSpace).to.equal('pre-line');
      expect($$(card, '[part="skill"]').map((li) => li.textContent)).to.deep.equal(['ux-design', 'ui-design', 'accessibility', 'figma', 'user-research', 'workshops']);
      expect($(card, '[part="since"]')!.textContent).to.equal('Member since March 2024');
      const links = $$<HTMLAnchorElement>(card, 'a[part="link"]');
      expect(links.map((a) => a.href)).to.deep.equal(['https://atelier-durand.example/', 'https://www.linkedin.com/in/camille-durand-ux']);
      expect(links.map((a) => a.textContent!.replace(/\s+/g, ' ').trim())).to.deep.equal(['atelier-durand.example (opens in a new tab)', 'LinkedIn (opens in a new tab)']);
      for (const a of links) {
        expect(a.target).to.equal('_blank');
        expect(a.rel).to.equal('noopener noreferrer');
      }
      expect($(card, '[part="edit-button"]'), 'no editing for a visitor').to.equal(null);
      await expectNoAxeViolations(card);
    });

    it('fetches a card by member id, showing a skeleton meanwhile', async () => {
      const held = server.hold('GET /spaces/{spaceId}/members/{memberId}');
      const root = await fixture<HTMLElement>(html`<cowork-space api=${api} space=${spaceId} storage="memory" .fetch=${server.fetch}><cowork-member-card member="mb_yanis"></cowork-member-card></cowork-space>`);
      const card = root.querySelector('cowork-member-card')!;
      await held.reached;
      await card.updateComplete;
      const loading = $(card, '[part~="loading"]')!;
      expect(loading.getAttribute('role')).to.equal('status');
      expect(loading.textContent).to.contain('Loading the member card');
      const reserved = card.getBoundingClientRect().height;
      await expectNoAxeViolations(card);
      held.release();
      await waitUntil(() => $(card, '.card'));
      expect(server.callsTo('GET /spaces/{spaceId}/members/{memberId}').map((r) => r.params.memberId)).to.deep.equal(['mb_yanis']);
      expect(reserved, 'the skeleton reserves room').to.be.greaterThan(150);
      const img = $<HTMLImageElement>(card, 'img[part="avatar"]')!;
      expect(img.src).to.equal(avatarUrl);
      expect(img.alt).to.equal('Yanis Benali, smiling');
      await waitUntil(() => img.complete && img.naturalWidth > 0, 'the picture loads');
      await expectNoAxeViolations(card);
    });

    it('draws initials on a colour of the member’s own, readable in light and dark', async () => {
      const card = await mount(server, byId('mb_camille'));
      const other = await mount(server, byId('mb_aminata'));
      const again = await mount(server, byId('mb_camille'), { variant: 'compact' });
      const avatar = $(card, '.initials')!;
      expect(avatar.textContent!.trim()).to.equal('CD');
      expect(avatar.getAttribute('aria-hidden')).to.equal('true');
      expect(avatar.getAttribute('part')).to.equal('avatar initials');
      const seen = new Set<string>();
      for (const scheme of ['light', 'dark'] as const) {
        await emulateMedia({ colorScheme: scheme });
        const style = getComputedStyle(avatar);
        const background = painted(style.backgroundColor);
        seen.add(background);
        expect(painted(getComputedStyle($(again, '.initials')!).backgroundColor), 'the same member, the same colour').to.equal(background);
        expect(painted(getComputedStyle($(other, '.initials')!).backgroundColor), 'another member, another colour').to.not.equal(background);
        expect(painted(style.color)).to.equal(avatarInk[scheme]);
        expect(contrast(background, painted(style.color)), `${scheme} contrast`).to.be.at.least(7);
      }
      expect(seen.size, 'a colour per scheme').to.equal(2);
      await emulateMedia({ colorScheme: 'light' });
    });

    it('derives the colour from the id alone, always with enough contrast', async () => {
      expect(avatarHue('mb_camille')).to.equal(avatarHue('mb_camille'));
      const ids = Array.from({ length: 400 }, (_, i) => `mb_${i.toString(36)}${i * 7919}`);
      const hues = new Set(ids.map(avatarHue));
      expect(hues.size, 'varied colours').to.be.greaterThan(100);
      expect([...hues].every((hue) => Number.isInteger(hue) && hue >= 0 && hue < 360)).to.equal(true);
      // Every hue, as the browser paints it, in both schemes.
      const card = await mount(server, byId('mb_camille'));
      const avatar = $(card, '.initials')!;
      for (const scheme of ['light', 'dark'] as const) {
        await emulateMedia({ colorScheme: scheme });
        for (let hue = 0; hue < 360; hue++) {
          avatar.style.setProperty('--_h', String(hue));
          const style = getComputedStyle(avatar);
          expect(contrast(painted(style.backgroundColor), avatarInk[scheme]), `hue ${hue}, ${scheme}`).to.be.at.least(7);
        }
      }
      await emulateMedia({ colorScheme: 'light' });
      expect(initials('Émilie Fontaine', 'fr')).to.equal('ÉF');
      expect(initials('  prince  ', 'en')).to.equal('P');
      expect(initials('Jean-Baptiste de la Tour', 'fr')).to.equal('JT');
      expect(initials('<img src=x> ***', 'en')).to.equal('IS');
      expect(initials('*** ---', 'en')).to.equal('?');
      expect(initials('', 'en')).to.equal('?');
    });

    it('falls back to initials when the picture does not load', async () => {
      const card = await mount(server, { ...byId('mb_yanis'), avatar: { url: `${location.origin}/no-such-picture.png`, alt: 'Yanis' } });
      await waitUntil(() => $(card, '.initials'), 'the initials replace the broken picture');
      expect($(card, '.initials')!.textContent!.trim()).to.equal('YB');
      expect($(card, 'img')).to.equal(null);
    });

    it('gives each kind of link its own icon, and unknown kinds the website’s', async () => {
      const paths = new Map<string, string>();
      for (const kind of linkKinds) {
        const box = document.createElement('div');
        render(renderIcon(kind), box);
        paths.set(kind, box.querySelector('path')!.getAttribute('d')!);
      }
      expect(new Set(paths.values()).size, 'one distinct icon per kind').to.equal(linkKinds.length);
      const links = linkKinds.map((kind) => ({ kind, url: `https://${kind}.example/me` }));
      const card = await mount(server, { ...byId('mb_thomas'), links: [...links, { kind: 'myspace' as never, url: 'https://myspace.example/' }] });
      const rendered = $$(card, '[part="link"]');
      expect(rendered).to.have.length(linkKinds.length + 1);
      rendered.forEach((a, i) => {
        const svg = a.querySelector('svg')!;
        expect(svg.getAttribute('aria-hidden')).to.equal('true');
        expect(svg.querySelector('path')!.getAttribute('d')).to.equal(paths.get(linkKinds[i] ?? 'website'));
      });
      expect(rendered.map((a) => a.querySelector('span')!.textContent)).to.deep.equal([
        'website.example',
        'LinkedIn',
        'GitHub',
        'GitLab',
        'Mastodon',
        'Bluesky',
        'X',
        'Instagram',
        'Dribbble',
        'Behance',
        'other.example',
        'myspace.example',
      ]);
      await expectNoAxeViolations(card);
    });

    it('compact: picture, name, headline, company, four skills and icon links with their names', async () => {
      const card = await mount(server, byId('mb_camille'), { variant: 'compact' });
      expect(card.getAttribute('variant')).to.equal('compact');
      expect($(card, '[part="bio"]')).to.equal(null);
      expect($(card, '[part="since"]')).to.equal(null);
      expect($$(card, '[part="skill"]').map((li) => li.textContent)).to.deep.equal(['ux-design', 'ui-design', 'accessibility', 'figma']);
      expect($(card, '.skills .more')!.textContent).to.equal('+2 more');
      const link = $(card, 'a[part="link"]')!;
      expect(link.querySelector('span')!.className).to.equal('visually-hidden');
      expect(link.title).to.equal('atelier-durand.example');
      expect(link.textContent!.replace(/\s+/g, ' ').trim()).to.equal('atelier-durand.example (opens in a new tab)');
      const rect = link.getBoundingClientRect();
      expect(Math.min(rect.width, rect.height), 'a comfortable target').to.be.at.least(40);
      expect($(card, '.initials')!.getBoundingClientRect().width).to.be.closeTo(48, 1);
      await expectNoAxeViolations(card);
    });

    it('full: everything, with a larger picture', async () => {
      const card = await mount(server, byId('mb_camille'));
      expect($(card, '.initials')!.getBoundingClientRect().width).to.be.closeTo(80, 1);
      expect($(card, '.skills .more')).to.equal(null);
      expect($(card, '[part="bio"]')).to.exist;
    });

    it('shows the page’s own actions at the bottom of the card', async () => {
      const root = await fixture<HTMLElement>(html`<cowork-space api=${api} space=${spaceId} storage="memory" .fetch=${server.fetch}>
        <cowork-member-card .member=${byId('mb_aminata')}><a slot="actions" href="mailto:contact@la-ruche.example">Write to Aminata</a></cowork-member-card>
      </cowork-space>`);
      const card = root.querySelector('cowork-member-card')!;
      await waitUntil(() => $(card, '.card'));
      const slot = $<HTMLSlotElement>(card, 'slot[name="actions"]')!;
      expect(slot.assignedElements().map((e) => e.textContent)).to.deep.equal(['Write to Aminata']);
      expect(slot.compareDocumentPosition($(card, '[part="since"]')!) & Node.DOCUMENT_POSITION_PRECEDING, 'after the rest of the card').to.not.equal(0);
    });

    it('says when a card does not exist, and lets the visitor retry after an error', async () => {
      const missing = await mount(server, 'mb_hugo');
      expect(text(missing)).to.contain('This member card is not available.');
      await expectNoAxeViolations(missing);

      server.fail('GET /spaces/{spaceId}/members/{memberId}', { status: 500 });
      const errorEvent = new Promise<CustomEvent>((resolve) => document.addEventListener('cowork-error', (e) => resolve(e as CustomEvent), { once: true }));
      const card = await mount(server, 'mb_yanis');
      expect((await errorEvent).detail.operation).to.equal('getMemberCard');
      expect($(card, '[role="alert"]')!.textContent).to.contain('Something went wrong on the server');
      await expectNoAxeViolations(card);
      server.clearFailures();
      $(card, '[part~="retry-button"]')!.click();
      await waitUntil(() => $(card, '.card'), 'the retry shows the card');
    });

    it('follows the space’s policy: members only (signed out) and staff only, without asking', async () => {
      server.state.space.policies.directoryVisibility = 'members';
      const card = await mount(server, 'mb_yanis');
      expect(text(card)).to.contain('The member cards of this space are for its members.');
      expect(server.callsTo('GET /spaces/{spaceId}/members/{memberId}')).to.have.length(0);
      await expectNoAxeViolations(card);
      await signIn(card, server);
      await waitUntil(() => $(card, '.card'), 'signed in, the card shows');

      const staff = memberServer();
      staff.state.space.policies.directoryVisibility = 'staff';
      const hidden = await mount(staff, 'mb_yanis');
      expect(text(hidden)).to.contain('not public');
      expect(staff.callsTo('GET /spaces/{spaceId}/members/{memberId}')).to.have.length(0);
    });

    it('shows every member-provided text as text: no markup, no script, no javascript: link', async () => {
      const card = await mount(server, hostile.card());
      await new Promise((wake) => setTimeout(wake, 200));
      const root = card.shadowRoot!;
      expect((window as { __pwned?: unknown }).__pwned, 'no script ran').to.equal(undefined);
      expect(root.querySelectorAll('img, script, iframe, b, object, embed')).to.have.length(0);
      const elements = [...root.querySelectorAll('*')];
      for (const element of elements) {
        for (const attribute of element.getAttributeNames()) expect(attribute, `<${element.localName}> has no event handler attribute`).not.to.match(/^on/);
      }
      expect(elements.filter((e) => e.localName === 'svg').every((svg) => svg.classList.contains('icon')), 'the only SVGs are the icons').to.equal(true);
      const anchors = [...root.querySelectorAll('a')];
      expect(anchors.map((a) => a.getAttribute('href'))).to.deep.equal(['https://safe.example/%3Cscript%3E']);
      const shown = text(card);
      expect(shown).to.contain(`Eve ${hostile.text}`);
      expect(shown).to.contain(`Headline ${hostile.text}`);
      expect(shown).to.contain(`Company ${hostile.text}`);
      expect(shown).to.contain('<iframe src="javascript:window.__pwned=4"></iframe>');
      expect(shown).to.contain(`Label ${hostile.text}`);
      expect(shown).to.contain('<a href="javascript:window.__pwned=9">click</a>');
      expect(shown).to.contain('<svg onload=window.__pwned=5>');
      expect(safeUrl('javascript:alert(1)')).to.equal(undefined);
      expect(safeUrl(' https://ok.example')).to.equal('https://ok.example/');
      expect(safeUrl('//evil.example')).to.equal(undefined);
    });

    it('treats a link kind it does not know, even one named like an object property, as a plain website', async () => {
      const member = { ...cardOf(members()[0]!), links: [{ kind: 'constructor', url: 'https://odd.example/' }] } as unknown as MemberCard;
      const card = await mount(server, member);
      const link = $(card, '[part="link"]')!;
      expect(link.textContent).to.contain('odd.example');
      expect(link.querySelector('path')!.getAttribute('d')).not.to.contain('function');
    });
  });

  describe('editing one’s own card', () => {
    it('offers editing on one’s own card only, and never with readonly', async () => {
      const other = await mount(server, 'mb_yanis');
      await signIn(other, server);
      await other.updateComplete;
      await settle();
      expect($(other, '[part="edit-button"]'), 'not on someone else’s card').to.equal(null);

      const own = await mount(server, 'mb_camille');
      await signIn(own, server);
      await waitUntil(() => $(own, '[part="edit-button"]'), 'the member’s own card is editable');

      const readonly = await mount(server, byId('mb_camille'), { readonly: true });
      await signIn(readonly, server);
      await readonly.updateComplete;
      expect($(readonly, '[part="edit-button"]')).to.equal(null);
    });

    it('edits headline, skills, links and consent with the keyboard, and shows the change at once', async () => {
      const card = await mount(server, 'mb_camille');
      await signIn(card, server);
      await waitUntil(() => $(card, '[part="edit-button"]'));
      await tabUntil((el) => el.getAttribute('part') === 'edit-button');
      await press('Enter');
      await waitUntil(() => $(card, 'form'), 'the editor opens');
      await card.updateComplete;
      expect(server.callsTo('GET /spaces/{spaceId}/me')).to.have.length(1);
      const headline = $<HTMLInputElement>(card, '#headline')!;
      expect(deepActiveElement(), 'the focus goes to the first field').to.equal(headline);
      expect(headline.value).to.equal('Designer UX/UI indépendante');
      expect($<HTMLInputElement>(card, '#skills')!.value).to.equal('ux-design, ui-design, accessibility, figma, user-research, workshops');
      expect($<HTMLInputElement>(card, '#consent')!.checked).to.equal(true);
      expect($<HTMLInputElement>(card, '#link-1-url')!.value).to.equal('https://www.linkedin.com/in/camille-durand-ux');
      await expectNoAxeViolations(card);

      headline.select();
      await type('Designer de services publics');
      const skills = $<HTMLInputElement>(card, '#skills')!;
      skills.focus();
      await press('End');
      await type(', Service Design');
      await tabUntil((el) => el.id === 'add-link');
      await press('Enter');
      await card.updateComplete;
      expect(deepActiveElement()?.id, 'the new link’s address has the focus').to.equal('link-2-url');
      await type('https://github.com/camille');
      const kind = $<HTMLSelectElement>(card, '#link-2-kind')!;
      kind.value = 'github';
      kind.dispatchEvent(new Event('change'));
      await tabUntil((el) => el.id === 'consent');
      await press('Space');

      const held = server.hold('PATCH /spaces/{spaceId}/me');
      const updated = oneEvent(card, 'cowork-member-updated');
      await tabUntil((el) => el.getAttribute('part') === 'save-button');
      await press('Enter');
      await held.reached;
      await card.updateComplete;
      // Optimistic: the card shows the change before the server answered.
      expect($(card, 'form')).to.equal(null);
      expect($(card, '[part="headline"]')!.textContent).to.equal('Designer de services publics');
      expect($$(card, '[part="skill"]').map((li) => li.textContent)).to.include('service-design');
      expect($$<HTMLAnchorElement>(card, 'a[part="link"]').map((a) => a.href)).to.include('https://github.com/camille');
      expect($(card, '[part="edit-button"]')!.getAttribute('aria-disabled')).to.equal('true');
      expect(deepActiveElement()?.getAttribute('part')).to.equal('edit-button');
      held.release();
      const event = await updated;
      expect(event.detail.member.headline).to.equal('Designer de services publics');
      expect(event.detail.listed).to.equal(false);
      expect(event.bubbles && event.composed).to.equal(true);
      const body = server.callsTo('PATCH /spaces/{spaceId}/me')[0]!.body;
      expect(body).to.deep.equal({
        headline: 'Designer de services publics',
        company: 'Atelier Durand',
        bio: 'Je conçois des services numériques simples et accessibles.\nDemandez-moi un avis sur vos maquettes autour d’un café !',
        skills: ['ux-design', 'ui-design', 'accessibility', 'figma', 'user-research', 'workshops', 'service-design'],
        links: [
          { kind: 'website', url: 'https://atelier-durand.example/' },
          { kind: 'linkedin', url: 'https://www.linkedin.com/in/camille-durand-ux' },
          { kind: 'github', url: 'https://github.com/camille' },
        ],
        directoryConsent: false,
      });
      await card.updateComplete;
      await waitUntil(() => $(card, '[role="status"]')!.textContent!.includes('Your card is saved.'), 'the save is announced');
      expect(text(card)).to.contain('Your card is not in the member directory: only you see it.');
      await expectNoAxeViolations(card);
    });

    it('rolls the change back when the server refuses it, and shows its field errors next to the fields', async () => {
      const card = await mount(server, byId('mb_camille'));
      await signIn(card, server);
      await waitUntil(() => $(card, '[part="edit-button"]'));
      $(card, '[part="edit-button"]')!.click();
      await waitUntil(() => $(card, 'form'));
      await card.updateComplete;
      $<HTMLInputElement>(card, '#headline')!.focus();
      $<HTMLInputElement>(card, '#headline')!.select();
      await type('Refused headline');
      // The server refuses a skill and a link's address (say its rules are stricter than ours).
      server.route('PATCH /spaces/{spaceId}/me', () =>
        new Response(
          JSON.stringify({
            type: 'urn:coworking-commons:problem:validation-error',
            title: 'Bad Request',
            status: 400,
            errors: [
              { pointer: '/links/1/url', detail: 'must match pattern' },
              { pointer: '/skills/2', detail: 'must match pattern' },
            ],
          }),
          { status: 400, headers: { 'content-type': 'application/problem+json' } },
        ),
      );
      const failed = oneEvent(card, 'cowork-error');
      $(card, '[part="save-button"]')!.click();
      expect((await failed).detail.operation).to.equal('updateMe');
      await card.updateComplete;
      await waitUntil(() => $(card, 'form'), 'the editor is back');
      await card.updateComplete;
      const url = $<HTMLInputElement>(card, '#link-1-url')!;
      const skills = $<HTMLInputElement>(card, '#skills')!;
      expect(skills.getAttribute('aria-invalid')).to.equal('true');
      expect(skills.getAttribute('aria-describedby')).to.equal('skills-hint skills-error');
      expect($(card, '#skills-error')!.textContent).to.contain('letters, digits and hyphens');
      expect(url.getAttribute('aria-invalid')).to.equal('true');
      expect($(card, '#link-1-url-error')!.textContent).to.contain('https://');
      expect(deepActiveElement(), 'the focus is on the first field to correct').to.equal(skills);
      expect($(card, '#form-error')!.textContent).to.contain('not saved');
      expect($<HTMLInputElement>(card, '#headline')!.value, 'what was typed is kept').to.equal('Refused headline');
      expect($(card, '[part="headline"]')!.textContent, 'the card is back as it was').to.equal('Designer UX/UI indépendante');
      await expectNoAxeViolations(card);
    });

    it('rolls back after a network failure too, and saves on the next try', async () => {
      const card = await mount(server, byId('mb_camille'));
      await signIn(card, server);
      await waitUntil(() => $(card, '[part="edit-button"]'));
      $(card, '[part="edit-button"]')!.click();
      await waitUntil(() => $(card, 'form'));
      await card.updateComplete;
      $<HTMLInputElement>(card, '#headline')!.select();
      await type('Offline headline');
      server.failNext('PATCH /spaces/{spaceId}/me', 'network');
      $(card, '[part="save-button"]')!.click();
      await waitUntil(() => $(card, '#form-error'), 'the failure is explained');
      expect($(card, '#form-error')!.textContent).to.contain('could not be reached');
      expect($(card, '[part="headline"]')!.textContent).to.equal('Designer UX/UI indépendante');
      $(card, '[part="save-button"]')!.click();
      await waitUntil(() => !$(card, 'form') && $(card, '[part="headline"]')!.textContent === 'Offline headline');
      await waitUntil(() => $(card, '[part="edit-button"]')!.getAttribute('aria-disabled') === 'false', 'saved');
      expect(server.state.members.find((m) => m.id === 'mb_camille')!.headline).to.equal('Offline headline');
    });

    it('checks addresses and skills before sending, removes links, and Escape cancels', async () => {
      const card = await mount(server, byId('mb_camille'));
      await signIn(card, server);
      await waitUntil(() => $(card, '[part="edit-button"]'));
      $(card, '[part="edit-button"]')!.click();
      await waitUntil(() => $(card, 'form'));
      await card.updateComplete;
      const url = $<HTMLInputElement>(card, '#link-0-url')!;
      url.focus();
      url.select();
      await type('javascript:alert(1)');
      const skills = $<HTMLInputElement>(card, '#skills')!;
      skills.value = 'ux design, C++';
      skills.dispatchEvent(new Event('input'));
      $(card, '[part="save-button"]')!.click();
      await card.updateComplete;
      expect(server.callsTo('PATCH /spaces/{spaceId}/me')).to.have.length(0);
      expect($(card, '#link-0-url-error')).to.exist;
      expect($(card, '#skills-error')).to.exist;
      expect(deepActiveElement()?.id).to.equal('skills');
      // Remove the first link: the focus goes to the link now first.
      const remove = $$<HTMLButtonElement>(card, '.remove')[0]!;
      expect(remove.textContent!.trim()).to.equal('Remove link 1');
      remove.click();
      await card.updateComplete;
      expect($$(card, '.link-editor')).to.have.length(1);
      expect(deepActiveElement()?.id).to.equal('link-0-url');
      await press('Escape');
      await card.updateComplete;
      expect($(card, 'form')).to.equal(null);
      expect(deepActiveElement()?.getAttribute('part')).to.equal('edit-button');
      expect($$(card, 'a[part="link"]'), 'nothing changed').to.have.length(2);
    });

    it('shows the member their own card while it is out of the directory, and lets them put it back', async () => {
      const card = await mount(server, 'mb_hugo');
      expect(text(card)).to.contain('not available');
      await signIn(card, server, 'hugo.lefebvre@example.org');
      await waitUntil(() => $(card, '.card'), 'the member sees their own card');
      expect(text(card)).to.contain('Your card is not in the member directory');
      $(card, '[part="edit-button"]')!.click();
      await waitUntil(() => $(card, 'form'));
      await card.updateComplete;
      expect($<HTMLInputElement>(card, '#consent')!.checked).to.equal(false);
      $<HTMLInputElement>(card, '#consent')!.click();
      $(card, '[part="save-button"]')!.click();
      await waitUntil(() => server.callsTo('PATCH /spaces/{spaceId}/me').length === 1);
      expect(server.callsTo('PATCH /spaces/{spaceId}/me')[0]!.body.directoryConsent).to.equal(true);
      await waitUntil(() => $(card, '[part="edit-button"]')?.getAttribute('aria-disabled') === 'false', 'saved');
      expect(text(card)).not.to.contain('Your card is not in the member directory');
    });

    it('keeps markup typed into the editor as text', async () => {
      const card = await mount(server, byId('mb_camille'));
      await signIn(card, server);
      await waitUntil(() => $(card, '[part="edit-button"]'));
      $(card, '[part="edit-button"]')!.click();
      await waitUntil(() => $(card, 'form'));
      await card.updateComplete;
      for (const id of ['headline', 'company', 'bio', 'link-0-label']) {
        const input = $<HTMLInputElement>(card, `#${id}`)!;
        input.value = hostile.text;
        input.dispatchEvent(new Event('input'));
      }
      $(card, '[part="save-button"]')!.click();
      await waitUntil(() => !$(card, 'form') && $(card, '[part="edit-button"]')!.getAttribute('aria-disabled') === 'false');
      await new Promise((wake) => setTimeout(wake, 200));
      expect((window as { __pwned?: unknown }).__pwned).to.equal(undefined);
      expect(card.shadowRoot!.querySelectorAll('img, script, b')).to.have.length(0);
      expect($(card, '[part="headline"]')!.textContent).to.equal(hostile.text);
      expect($(card, '[part="bio"]')!.textContent).to.equal(hostile.text);
    });
  });

  describe('in French', () => {
    it('speaks French: dates, links, editor', async () => {
      const card = await mount(server, byId('mb_camille'), { lang: 'fr' });
      await waitUntil(() => text(card).includes('Membre depuis'), 'the French messages load');
      expect($(card, '[part="since"]')!.textContent).to.equal('Membre depuis mars 2024');
      expect($(card, 'a[part="link"]')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('atelier-durand.example (s’ouvre dans un nouvel onglet)');
      expect($(card, '.skills')!.getAttribute('aria-label')).to.equal('Compétences');
      await signIn(card, server);
      await waitUntil(() => $(card, '[part="edit-button"]'));
      expect($(card, '[part="edit-button"]')!.textContent!.trim()).to.equal('Modifier ma fiche');
      $(card, '[part="edit-button"]')!.click();
      await waitUntil(() => $(card, 'form'));
      await card.updateComplete;
      expect(text(card)).to.contain('Afficher ma fiche dans l’annuaire des membres');
      await expectNoAxeViolations(card);
    });
  });

  describe('screenshots', () => {
    it('full and compact, with a picture and with initials, and the editor (320 px and 1280 px, light and dark)', async () => {
      const root = await fixture<HTMLElement>(html`<div lang="en" style="display: grid; gap: 1em; max-width: 44em">
        <cowork-space api=${api} space=${spaceId} storage="memory" .fetch=${server.fetch}>
          <cowork-member-card .member=${byId('mb_camille')}></cowork-member-card>
          <cowork-member-card .member=${byId('mb_yanis')}></cowork-member-card>
          <div style="display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 17em), 1fr)); gap: 1em; margin-top: 1em">
            <cowork-member-card variant="compact" .member=${byId('mb_thomas')}></cowork-member-card>
            <cowork-member-card variant="compact" .member=${byId('mb_aminata')}></cowork-member-card>
          </div>
        </cowork-space>
      </div>`);
      const cards = [...root.querySelectorAll('cowork-member-card')];
      await waitUntil(() => cards.every((c) => $(c, '.card')));
      const img = $<HTMLImageElement>(cards[1]!, 'img')!;
      await waitUntil(() => img.complete && img.naturalWidth > 0);
      await screenshots('member-card-variants', root);

      const own = await mount(server, 'mb_camille', { width: '44em' });
      await signIn(own, server);
      await waitUntil(() => $(own, '[part="edit-button"]'));
      await screenshots('member-card-own', own);
      $(own, '[part="edit-button"]')!.click();
      await waitUntil(() => $(own, 'form'));
      await own.updateComplete;
      $<HTMLInputElement>(own, '#link-1-url')!.value = 'linkedin.com/in/camille';
      $<HTMLInputElement>(own, '#link-1-url')!.dispatchEvent(new Event('input'));
      $(own, '[part="save-button"]')!.click();
      await own.updateComplete;
      await screenshots('member-card-editor', own);

      const card = await mount(server, hostile.card(), { width: '44em' });
      await screenshots('member-card-hostile', card, { widths: [320], schemes: ['light'] });
    });
  });
});
