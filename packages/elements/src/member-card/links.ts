/**
 * A member's links: which ones may be links at all, their names and their icons.
 *
 * Exports:
 * - `linkKinds`: the spec's kinds (`website`, `linkedin`, … `other`).
 * - `safeUrl(url)`: the URL when it is an absolute http(s) URL, else undefined. Only such URLs
 *   become links: `javascript:`, `data:` and the like stay plain text.
 * - `kindLabel(kind)`: "GitHub", "Website"… (in the active language for website and other).
 * - `linkText(link)`: what a link shows: its label, else the platform's name, else the host.
 * - `renderIcon(kind)`: a small inline SVG (24 × 24, stroked with `currentColor`,
 *   `aria-hidden`); unknown kinds get the website's, as the spec says.
 */
import { msg } from '@lit/localize';
import { html, type TemplateResult } from 'lit';
import type { components } from '@coworking-commons/client';
import { useMessages } from '../localization/localization.ts';
import messages from '../localization/generated/member-card.ts';

useMessages(messages);

type Link = components['schemas']['Link'];
export type LinkKind = NonNullable<Link['kind']>;

// Outline icons drawn for this package on a 24 × 24 grid (whole or half units), one path each,
// so they stay a few bytes. Their order is the order of the kinds in the editor.
const paths: Record<LinkKind, string> = {
  website: 'M2 12a10 10 0 1 0 20 0 10 10 0 1 0-20 0h20M12 2a15 15 0 0 1 0 20 15 15 0 0 1 0-20',
  linkedin: 'M16 8a6 6 0 0 1 6 6v7h-4v-7a2 2 0 0 0-4 0v7h-4v-7a6 6 0 0 1 6-6M2 9h4v12H2zm0-5a2 2 0 1 0 4 0 2 2 0 1 0-4 0',
  github: 'M9 19c-5 2-5-2-7-3m14 6v-4a3 3 0 0 0-1-3c3 0 6-2 6-7a5 5 0 0 0-1-3 5 5 0 0 0 0-4s-1 0-4 1a13 13 0 0 0-7 0C6 1 5 1 5 1a5 5 0 0 0 0 4 5 5 0 0 0-1 4c0 5 3 7 6 7a3 3 0 0 0-1 2v4',
  gitlab: 'M12 22 2 14l2-6 2-5 2 7h7l3-7 2 5 2 6z',
  mastodon: 'M21 9c0-5-3-6-9-6S3 4 3 9v3c0 6 3 9 8 9 2 0 4-1 4-1v-2s-2 1-4 1q-3 0-3-3c5 1 13 1 13-4zM8 13v-3a2 2 0 0 1 4 0v2m0-2a2 2 0 0 1 4 0v3',
  bluesky: 'M12 11c-1-3-5-8-8-8S2 6 2 8c0 3 3 4 6 4-3 1-5 3-2 6s5 0 6-4c1 4 3 7 6 4s1-5-2-6c3 0 6-1 6-4s1-5-2-5-7 5-8 8',
  x: 'M4 4h4l12 16h-4zm0 16 7-7m2-2 7-7',
  instagram: 'M7 2h10a5 5 0 0 1 5 5v10a5 5 0 0 1-5 5H7a5 5 0 0 1-5-5V7a5 5 0 0 1 5-5m1 10a4 4 0 1 0 8 0 4 4 0 1 0-8 0m9.5-5.5h0',
  dribbble: 'M2 12a10 10 0 1 0 20 0 10 10 0 1 0-20 0m6-9c4 6 6 9 8 18m3-16c-4 4-9 6-17 6m20 2q-6-1.5-9 0c-3 1-5 3-8 6',
  behance: 'M3 6h5a3 3 0 0 1 0 6H3zm0 6h6a3 3 0 0 1 0 6H3zm12-4h5m-5 7h7a4 4 0 1 0-1 3',
  other: 'M10 13a5 5 0 0 0 8 1l3-3a5 5 0 0 0-7-7l-2 2m2 5a5 5 0 0 0-8-1l-3 3a5 5 0 0 0 7 7l2-2',
};

export const linkKinds = Object.keys(paths) as LinkKind[];

const platforms: Partial<Record<LinkKind, string>> = Object.fromEntries(
  'LinkedIn GitHub GitLab Mastodon Bluesky X Instagram Dribbble Behance'.split(' ').map((name) => [name.toLowerCase(), name]),
);

/** `table[key]` when `key` is one of its own keys: a page-given kind like `constructor` finds nothing. */
const lookup = <T>(table: Partial<Record<string, T>>, key: unknown): T | undefined => (typeof key === 'string' && Object.hasOwn(table, key) ? table[key] : undefined);

export function safeUrl(url: unknown): string | undefined {
  if (typeof url !== 'string') return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

export function kindLabel(kind: LinkKind): string {
  return lookup(platforms, kind) ?? (kind === 'other' ? msg('Other') : msg('Website'));
}

export function linkText(link: Link): string {
  if (link.label) return link.label;
  const platform = lookup(platforms, link.kind);
  if (platform) return platform;
  const url = safeUrl(link.url);
  return url ? new URL(url).host.replace(/^www\./, '') : String(link.url ?? '');
}

export function renderIcon(kind: Link['kind']): TemplateResult {
  return html`<svg class="icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true"><path d=${lookup(paths, kind) ?? paths.website}></path></svg>`;
}
