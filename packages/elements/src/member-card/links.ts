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

type Link = components['schemas']['Link'];
export type LinkKind = NonNullable<Link['kind']>;

export const linkKinds: LinkKind[] = ['website', 'linkedin', 'github', 'gitlab', 'mastodon', 'bluesky', 'x', 'instagram', 'dribbble', 'behance', 'other'];

const platforms: Partial<Record<LinkKind, string>> = {
  linkedin: 'LinkedIn',
  github: 'GitHub',
  gitlab: 'GitLab',
  mastodon: 'Mastodon',
  bluesky: 'Bluesky',
  x: 'X',
  instagram: 'Instagram',
  dribbble: 'Dribbble',
  behance: 'Behance',
};

// Outline icons drawn for this package on a 24 × 24 grid, one path each, so they stay a few bytes.
const paths: Record<LinkKind, string> = {
  website: 'M2 12a10 10 0 1 0 20 0 10 10 0 1 0-20 0M2 12h20M12 2a15.3 15.3 0 0 1 4 10 15.3 15.3 0 0 1-4 10 15.3 15.3 0 0 1-4-10A15.3 15.3 0 0 1 12 2z',
  linkedin: 'M16 8a6 6 0 0 1 6 6v7h-4v-7a2 2 0 0 0-4 0v7h-4v-7a6 6 0 0 1 6-6zM2 9h4v12H2zM2 4a2 2 0 1 0 4 0 2 2 0 1 0-4 0',
  github:
    'M9 19c-5 1.5-5-2.5-7-3m14 6v-3.87a3.37 3.37 0 0 0-.94-2.61c3.14-.35 6.44-1.54 6.44-7A5.44 5.44 0 0 0 20 4.77 5.07 5.07 0 0 0 19.91 1S18.73.65 16 2.48a13.38 13.38 0 0 0-7 0C6.27.65 5.09 1 5.09 1A5.07 5.07 0 0 0 5 4.77a5.44 5.44 0 0 0-1.5 3.78c0 5.42 3.3 6.61 6.44 7A3.37 3.37 0 0 0 9 18.13V22',
  gitlab: 'M12 21.5 2 14l1.8-6.2L6 2.5l2.4 6.8h7.2L18 2.5l2.2 5.3L22 14z',
  mastodon: 'M20.5 9c0-4.5-3-6-8.5-6S3.5 4.5 3.5 9v3.5c0 5.5 2.5 8.5 8 8.5 1.7 0 3.5-.5 3.5-.5v-2s-1.8.5-3.5.5c-2.5 0-3.5-1-3.5-2.5 5.5 1 12.5.5 12.5-3.5zM8 13V9.5a2 2 0 0 1 4 0V12m0-2.5a2 2 0 0 1 4 0V13',
  bluesky: 'M12 11C10.5 7.5 6.5 3 4 3S2 6 2.5 8.5C3 11 5.5 12 8 11.5c-3.5 1-4.5 3.5-2 6s5 0 6-3.5c1 3.5 3.5 6 6 3.5s1.5-5-2-6c2.5.5 5-.5 5.5-3S22.5 3 20 3s-6.5 4.5-8 8z',
  x: 'M4 4h4.3L20 20h-4.3zM4 20l6.8-6.8m2.4-2.4L20 4',
  instagram: 'M7 2h10a5 5 0 0 1 5 5v10a5 5 0 0 1-5 5H7a5 5 0 0 1-5-5V7a5 5 0 0 1 5-5zM16 11.4A4 4 0 1 1 12.6 8a4 4 0 0 1 3.4 3.4zM17.5 6.5h.01',
  dribbble:
    'M2 12a10 10 0 1 0 20 0 10 10 0 1 0-20 0M8.56 2.75c4.37 6.03 6.02 9.42 8.03 17.72m2.54-15.38c-3.72 4.35-8.94 5.66-16.88 5.85m19.5 1.9c-3.5-.93-6.63-.82-8.94 0-2.58.92-5.01 2.86-7.44 6.32',
  behance: 'M2.5 6H8a3 3 0 0 1 0 6H2.5zm0 6H9a3 3 0 0 1 0 6H2.5zM15 7.5h5M14.5 14.5h7a3.5 3.5 0 1 0-1 2.5',
  other: 'M10 13a5 5 0 0 0 7.54.54l3-3a5 5 0 0 0-7.07-7.07l-1.72 1.71M14 11a5 5 0 0 0-7.54-.54l-3 3a5 5 0 0 0 7.07 7.07l1.71-1.71',
};

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
  return platforms[kind] ?? (kind === 'other' ? msg('Other') : msg('Website'));
}

export function linkText(link: Link): string {
  if (link.label) return link.label;
  const platform = link.kind && platforms[link.kind];
  if (platform) return platform;
  const url = safeUrl(link.url);
  return url ? new URL(url).host.replace(/^www\./, '') : String(link.url ?? '');
}

export function renderIcon(kind: Link['kind']): TemplateResult {
  return html`<svg class="icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false"><path d=${paths[kind as LinkKind] ?? paths.website}></path></svg>`;
}
