/**
 * Test support of the member elements (card and directory): members in the spec's shapes and the
 * member operations for the fixture server (test/support/fixture-server.ts), answering as the
 * reference server does (packages/server/src/handlers/members.ts and me.ts).
 *
 * Exports:
 * - `memberServer(options?)`: a fixture server with `members()` and the routes `listMemberCards`
 *   (policy, search in name / company / headline / skills without accents, skill, cursor),
 *   `getMemberCard` and `updateMe` (validated like the spec: tags, http(s) URLs, lengths; field
 *   errors with JSON pointers).
 * - `members()`: 4 detailed members (Camille — the fixture's signed-in member —, Yanis with a
 *   picture, Aminata, Thomas), one out of the directory (Hugo), one inactive (Zoé), and 20 more.
 * - `cardOf(member)`, `avatarUrl`, `hostile` (markup and script for every field), `signIn(el, server, email?)`.
 * - `$`, `$$`, `text` (whitespace-collapsed text of a shadow root), `settle()` (two frames).
 */
import type { components } from '@coworking-commons/client';
import { createFixtureServer, problemResponse, type FixtureRequest, type FixtureServer, type FixtureServerOptions } from '../support/fixture-server.ts';
import { memberEmail } from '../support/fixtures.ts';

export type Member = components['schemas']['Member'];
export type MemberCard = components['schemas']['MemberCard'];

export const avatarUrl = new URL('/packages/elements/test/member-card/avatar.svg', location.origin).href;

const base = { status: 'active' as const, directoryConsent: true, createdAt: '2024-01-01T09:00:00Z', updatedAt: '2024-01-01T09:00:00Z' };

const firstNames = ['Léa', 'Hugo', 'Nora', 'Paul', 'Inès', 'Malik', 'Jeanne', 'Omar', 'Lucie', 'Bastien', 'Sarah', 'Théo', 'Awa', 'Victor', 'Elsa', 'Nathan', 'Rose', 'Adam', 'Margot', 'Samuel'];
const lastNames = ['Martin', 'Bernard', 'Petit', 'Robert', 'Richard', 'Durand', 'Moreau', 'Simon', 'Laurent', 'Michel', 'Garcia', 'David', 'Bertrand', 'Roux', 'Vincent', 'Fournier', 'Morel', 'Girard', 'André', 'Mercier'];
const trades = [
  ['Développeuse web', ['javascript', 'vue']],
  ['Traducteur technique', ['translation', 'german']],
  ['Illustratrice', ['illustration', 'ui-design']],
  ['Consultant RSE', ['csr', 'strategy']],
  ['Formatrice', ['training', 'facilitation']],
] as const;

export function members(): Member[] {
  const detailed: Member[] = [
    {
      ...base,
      id: 'mb_camille',
      displayName: 'Camille Durand',
      headline: 'Designer UX/UI indépendante',
      company: 'Atelier Durand',
      bio: 'Je conçois des services numériques simples et accessibles.\nDemandez-moi un avis sur vos maquettes autour d’un café !',
      skills: ['ux-design', 'ui-design', 'accessibility', 'figma', 'user-research', 'workshops'],
      links: [
        { kind: 'website', url: 'https://atelier-durand.example/' },
        { kind: 'linkedin', url: 'https://www.linkedin.com/in/camille-durand-ux' },
      ],
      memberSince: '2024-03-01',
      email: memberEmail,
      phone: '+33 6 12 34 56 78',
    },
    {
      ...base,
      id: 'mb_yanis',
      displayName: 'Yanis Benali',
      avatar: { url: avatarUrl, alt: 'Yanis Benali, smiling', width: 160, height: 160 },
      headline: 'Développeur full-stack TypeScript',
      company: 'Benali Code',
      skills: ['typescript', 'node', 'postgresql'],
      links: [
        { kind: 'github', url: 'https://github.com/ybenali' },
        { kind: 'mastodon', label: '@yanis', url: 'https://mastodon.example/@yanis' },
        { kind: 'bluesky', url: 'https://bsky.app/profile/yanis.example' },
        { kind: 'gitlab', url: 'https://gitlab.com/ybenali' },
      ],
      memberSince: '2025-01-10',
      email: 'yanis.benali@example.org',
    },
    {
      ...base,
      id: 'mb_aminata',
      displayName: 'Aminata Diallo',
      headline: 'Expert-comptable des indépendants',
      company: 'Diallo Conseil',
      skills: ['accounting', 'tax'],
      links: [
        { kind: 'linkedin', url: 'https://www.linkedin.com/in/aminata' },
        { kind: 'x', url: 'https://x.com/aminata' },
      ],
      memberSince: '2022-09-05',
      email: 'aminata.diallo@example.org',
    },
    {
      ...base,
      id: 'mb_thomas',
      displayName: 'Thomas Leroy',
      headline: 'Photographe et vidéaste',
      company: 'Studio Quai Ouest',
      skills: ['photography', 'video'],
      links: [
        { kind: 'instagram', url: 'https://www.instagram.com/quaiouest' },
        { kind: 'dribbble', url: 'https://dribbble.com/quaiouest' },
        { kind: 'behance', url: 'https://www.behance.net/quaiouest' },
        { kind: 'other', label: 'Portfolio PDF', url: 'https://quai-ouest.example/portfolio.pdf' },
      ],
      memberSince: '2023-06-15',
      email: 'thomas.leroy@example.org',
    },
    { ...base, id: 'mb_hugo', displayName: 'Hugo Lefebvre', skills: [], links: [], memberSince: '2025-02-01', email: 'hugo.lefebvre@example.org', directoryConsent: false },
    { ...base, id: 'mb_zoe', displayName: 'Zoé Gone', skills: ['ux-design'], links: [], memberSince: '2021-02-01', email: 'zoe@example.org', status: 'inactive' },
  ];
  const more = Array.from({ length: 20 }, (_, i): Member => {
    const [headline, skills] = trades[i % trades.length]!;
    const name = `${firstNames[i]} ${lastNames[(i * 7) % lastNames.length]}`;
    return { ...base, id: `mb_gen${String(i).padStart(2, '0')}`, displayName: name, headline, skills: [...skills], links: [], memberSince: `2025-0${(i % 9) + 1}-01`, email: `gen${i}@example.org` };
  });
  return [...detailed, ...more];
}

export function cardOf(member: Member): MemberCard {
  const { email: _e, phone: _p, status: _s, directoryConsent: _d, createdAt: _c, updatedAt: _u, ...card } = member;
  return card;
}

/** Markup and script in every text field, and links that are not http(s). */
export const hostile = {
  text: '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script><b>bold</b>',
  card(): MemberCard {
    const t = hostile.text;
    return {
      id: 'mb_<b>x</b>',
      displayName: `Eve ${t}`,
      avatar: { url: 'javascript:window.__pwned=3', alt: t },
      headline: `Headline ${t}`,
      company: `Company ${t}`,
      bio: `Bio ${t}\n<iframe src="javascript:window.__pwned=4"></iframe>`,
      skills: [`skill-${t}`, '<svg onload=window.__pwned=5>'],
      links: [
        { kind: 'website', url: 'javascript:window.__pwned=6', label: `Label ${t}` },
        { kind: 'github', url: 'JaVaScRiPt:window.__pwned=7' },
        { kind: 'x', url: 'data:text/html,<script>window.__pwned=8</script>', label: 'data link' },
        { kind: '<b>kind</b>' as never, url: 'https://safe.example/<script>', label: `<a href="javascript:window.__pwned=9">click</a>` },
      ],
      memberSince: '2024-03-01',
    };
  },
};

const normalize = (text: string) => text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
const tag = /^[a-z0-9]+(?:[_-][a-z0-9]+)*$/;

function directoryAccess(server: FixtureServer, request: FixtureRequest): Response | undefined {
  const visibility = server.state.space.policies.directoryVisibility;
  if (visibility === 'public') return undefined;
  if (visibility === 'members' && request.member) return undefined;
  if (request.member) return problemResponse(403, 'forbidden', 'Forbidden', { detail: "This space's member directory is for its staff only." });
  return problemResponse(401, 'unauthorized', 'Unauthorized', { detail: 'Sign in.' });
}

const listed = (m: Member) => m.status === 'active' && m.directoryConsent;

export function memberServer(options: FixtureServerOptions = {}): FixtureServer {
  return createFixtureServer({
    members: members(),
    ...options,
    routes: {
      'GET /spaces/{spaceId}/members': (r, server) => {
        const denied = directoryAccess(server, r);
        if (denied) return denied;
        const words = normalize(r.query.get('q') ?? '')
          .split(/\s+/)
          .filter(Boolean);
        const skill = r.query.get('skill');
        const limit = Number(r.query.get('limit') ?? 20);
        const offset = Number(r.query.get('cursor') ?? 0);
        const found = server.state.members
          .filter(listed)
          .filter((m) => !skill || m.skills.includes(skill))
          .filter((m) => words.every((w) => normalize([m.displayName, m.company ?? '', m.headline ?? '', ...m.skills].join('\n')).includes(w)))
          .sort((a, b) => a.displayName.localeCompare(b.displayName));
        const items = found.slice(offset, offset + limit).map(cardOf);
        return { body: offset + limit < found.length ? { items, nextCursor: String(offset + limit) } : { items } };
      },
      'GET /spaces/{spaceId}/members/{memberId}': (r, server) => {
        const denied = directoryAccess(server, r);
        if (denied) return denied;
        const member = server.state.members.find((m) => m.id === r.params.memberId && listed(m));
        return member ? { body: cardOf(member) } : problemResponse(404, 'not-found', 'Not Found', { detail: 'There is no such member card in this space.' });
      },
      'PATCH /spaces/{spaceId}/me': (r) => {
        if (!r.member) return problemResponse(401, 'unauthorized', 'Unauthorized');
        const body = r.body ?? {};
        const errors: { pointer: string; detail: string }[] = [];
        for (const [field, max] of [
          ['headline', 140],
          ['company', 120],
          ['bio', 2000],
        ] as const) {
          if (body[field] != null && (typeof body[field] !== 'string' || body[field].length > max)) errors.push({ pointer: `/${field}`, detail: `must NOT have more than ${max} characters` });
        }
        (body.skills ?? []).forEach((s: string, i: number) => tag.test(s) || errors.push({ pointer: `/skills/${i}`, detail: 'must match pattern' }));
        (body.links ?? []).forEach((l: { url: string }, i: number) => /^https?:\/\//.test(l.url) || errors.push({ pointer: `/links/${i}/url`, detail: 'must match pattern "^https?://"' }));
        if (errors.length) return problemResponse(400, 'validation-error', 'Bad Request', { detail: 'The request is invalid.', errors });
        const member = r.member as Member & Record<string, unknown>;
        for (const [key, value] of Object.entries(body)) {
          if (value === null) delete member[key];
          else member[key] = value;
        }
        member.updatedAt = new Date().toISOString();
        return { body: member };
      },
    },
  });
}

export const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector);
export const $$ = <T extends Element = HTMLElement>(el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll<T>(selector)];
export const text = (el: Element) => (el.shadowRoot!.textContent ?? '').replace(/\s+/g, ' ').trim();
export const settle = () => new Promise((wake) => requestAnimationFrame(() => requestAnimationFrame(wake)));

/** Signs `email` in on the session of the space the element uses (as if through the sign-in form). */
export async function signIn(element: Element, server: FixtureServer, email = memberEmail): Promise<void> {
  const space = element.closest('cowork-space') as (HTMLElement & { session: { signIn(t: unknown): void } }) | null;
  if (space) {
    space.session.signIn(server.signIn(email));
    return;
  }
  const { connect } = await import('../../src/context/connection.ts');
  const host = element as HTMLElement & { api: string; space: string; fetch: typeof fetch };
  connect({ api: host.api, spaceId: host.space, fetch: host.fetch }).session.signIn(server.signIn(email));
}

/** The initials' colours the card's styles paint (member-card.styles.ts), light and dark. */
export const avatarInk = { light: '#ffffff', dark: '#0f1412' };

const linear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
const luminance = (channels: number[]) => 0.2126 * linear(channels[0]!) + 0.7152 * linear(channels[1]!) + 0.0722 * linear(channels[2]!);
const parse = (colour: string) => [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16) / 255);

/** The WCAG contrast ratio of two `#rrggbb` colours. */
export function contrast(a: string, b: string): number {
  const [x, y] = [luminance(parse(a)), luminance(parse(b))].sort((p, q) => q - p) as [number, number];
  return (x + 0.05) / (y + 0.05);
}
