// The snippet a site pastes to load elements of the CDN build as fast as the network allows: a
// `<link rel="modulepreload">` for every file the entries load before they run, and for the
// translations of the page's language, then the entries' `<script type="module">` tags. The
// browser fetches them all at once, right after the HTML, instead of discovering them import by
// import (the entry, then its chunks, then the language's messages).
//
//   npm run snippet -w packages/elements -- --base https://cdn.example/coworking-commons/ --lang fr cowork-space cowork-booking
//
// prints it from the last `npm run build:cdn` (dist/cdn/cowork-preload.json, see scripts/cdn.ts);
// `--update` rewrites the snippets of the demo pages (demo/site/*.html) and the one of
// docs/embed.md ("Loading fast") from it instead, when the files a page loads changed (a new
// chunk, a new release's folder); a change of their content alone changes no page.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { sourceLocale, targetLocales } from '../src/localization/generated/locale-codes.ts';
import { preloadManifestName, withoutHash, type PreloadManifest } from './cdn.ts';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
export const demoSiteDir = join(repo, 'demo/site');
export const embedDoc = join(repo, 'docs/embed.md');
/** The section of docs/embed.md that shows the snippet, for <cowork-space> and <cowork-booking> in French. */
export const docSection = 'Loading fast';
export const docSnippet = { base: 'https://cdn.example/coworking-commons/', entries: ['cowork-space', 'cowork-booking'], lang: 'fr', api: 'https://api.la-ruche.example', space: 'la-ruche' } as const;

/**
 * The API requests the elements make first, exactly as they make them (src/context/connection.ts:
 * the discovery document and the space; src/booking/booking.ts: the resources), so that a page
 * may start them with its HTML instead of after the code. A test checks, in Chromium, that the
 * demo pages' elements use every one of them.
 */
export const firstRequests: Record<string, (space: string, attributes: Record<string, string>) => string[]> = {
  space: (space) => ['/.well-known/coworking-commons', `/spaces/${encodeURIComponent(space)}`],
  'cowork-booking': (space, { type }) => [`/spaces/${encodeURIComponent(space)}/resources?limit=100${type ? `&type=${encodeURIComponent(type)}` : ''}`],
};

export interface SnippetOptions {
  /** The URL of the build's folder, ending with `/`. */
  base: string;
  /** The entries the page loads, by name (`cowork-booking`) or file (`cowork-booking.js`). */
  entries: readonly string[];
  /** The page's language (its `<html lang>`): its translations are preloaded too. */
  lang?: string | undefined;
  /** The API (the elements' `api`) and the space (`space`): their first requests are preloaded too. */
  api?: string | undefined;
  space?: string | undefined;
  /** The attributes of each entry's element on the page (`{ 'cowork-booking': { type: 'desk' } }`), which some first requests depend on. */
  attributes?: Record<string, Record<string, string>> | undefined;
}

/** The locale of the elements for a language tag, as they match it (src/localization/localization.ts): 'fr-BE' → 'fr'; unknown → 'en'. */
function matchLocale(tag: string | undefined): string {
  const language = (tag ?? '').toLowerCase().split(/[-_]/)[0]!;
  return (targetLocales as readonly string[]).includes(language) ? language : sourceLocale;
}

/** The snippet's lines, for the build described by `manifest`. */
export function snippet(manifest: PreloadManifest, options: SnippetOptions): string {
  const names = options.entries.map((entry) => entry.replace(/\.js$/, ''));
  const graphs = names.map((name) => {
    const graph = manifest.entries[name];
    if (!graph) throw new Error(`No entry ${name} in the CDN build (entries: ${Object.keys(manifest.entries).join(', ')})`);
    return graph;
  });
  const locale = matchLocale(options.lang);
  // The scripts are the entries, whose names stay from build to build; the hints name the hashed
  // files they load, which the browser fetches with them instead of after them.
  const scripts = [...new Set(graphs.map((graph) => graph.modules[0]!))];
  const code = new Set(graphs.flatMap((graph) => graph.modules).filter((file) => !scripts.includes(file)));
  const messages = new Set(graphs.flatMap((graph) => graph.messages[locale] ?? []));
  const hint = (file: string) => `<link rel="modulepreload" href="${options.base}${file}">`;
  const api = options.api?.replace(/\/+$/, '');
  const data = api && options.space ? [...new Set([['space', firstRequests.space!] as const, ...names.map((name) => [name, firstRequests[name]] as const)].flatMap(([name, requests]) => requests?.(options.space!, options.attributes?.[name] ?? {}) ?? []))] : [];
  // The code first: on HTTP/1.1 a browser opens 6 connections to a server, and the elements need
  // all their code to start; the API's first answers meanwhile (they are small, and come from
  // another server as a rule); the translations last, needed only to show the answers.
  return [
    ...[...code].map(hint),
    ...scripts.map((file) => `<script type="module" src="${options.base}${file}"></script>`),
    ...data.map((path) => `<link rel="preload" as="fetch" crossorigin href="${api}${path}">`),
    ...[...messages].map(hint),
  ].join('\n');
}

/** A snippet in a page or document: its lines, the URL of the build it names, and the entries its scripts load. */
export interface FoundSnippet {
  text: string;
  base: string;
  entries: string[];
}

/** The snippet in `html`: its lines from the first modulepreload hint to the last script of an entry of the build. */
export function findSnippet(manifest: PreloadManifest, html: string): FoundSnippet | undefined {
  const scriptOf = new Map(Object.keys(manifest.entries).map((name) => [`${name}.js`, name]));
  const entryScript = (line: string) => {
    const src = /^<script type="module" src="([^"]*)"><\/script>$/.exec(line)?.[1];
    const file = src && [...scriptOf.keys()].find((candidate) => src.endsWith(`/${candidate}`) || src === candidate);
    return file ? { base: src.slice(0, -file.length), entry: scriptOf.get(file)! } : undefined;
  };
  const part = (line: string) => /^<link (?:rel="modulepreload"|rel="preload" as="fetch" crossorigin) href="[^"]*">$/.test(line) || entryScript(line) !== undefined;
  const lines = html.split('\n');
  const first = lines.findIndex(part);
  if (first < 0) return undefined;
  let last = first;
  while (last + 1 < lines.length && part(lines[last + 1]!)) last++;
  const scripts = lines.slice(first, last + 1).map(entryScript).filter((script) => script !== undefined);
  if (scripts.length === 0) return undefined;
  return { text: lines.slice(first, last + 1).join('\n'), base: scripts[0]!.base, entries: scripts.map((script) => script.entry) };
}

/** The `<html lang>` of a page. */
export const pageLang = (html: string) => /<html\b[^>]*\blang="([^"]*)"/.exec(html)?.[1];
/** The attributes of the first `<tag>` of a page. */
export function tagAttributes(html: string, tag: string): Record<string, string> {
  const start = new RegExp(`<${tag}\\b[^>]*>`).exec(html)?.[0] ?? '';
  return Object.fromEntries([...start.matchAll(/\s([a-z-]+)="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
}

/** The `api` and `space` of a page's `<cowork-space>`. */
export function pageSpace(html: string): { api?: string; space?: string } {
  const { api, space } = tagAttributes(html, 'cowork-space');
  return api && space ? { api, space } : {};
}

/** The snippet with the hashes of the files' names left out: the same from one build to the next while the files are the same files. */
export const hashFree = (text: string) => text.replace(/"([^"]*)"/g, (_, url: string) => `"${withoutHash(url)}"`);

/**
 * The demo pages: their files, and the snippet each must hold (for the entries it loads and its
 * language), its files named without their hashes: the reference server names the files of its
 * build when it serves a page (packages/server/src/http/demo-site.ts), so that the pages stay the
 * same from one build to the next.
 */
export function demoPages(manifest: PreloadManifest): { file: string; html: string; found: FoundSnippet | undefined; expected: string | undefined }[] {
  return readdirSync(demoSiteDir)
    .filter((file) => file.endsWith('.html'))
    .sort()
    .map((file) => {
      const html = readFileSync(join(demoSiteDir, file), 'utf8');
      const found = findSnippet(manifest, html);
      const attributes = found && Object.fromEntries(found.entries.map((entry) => [entry, tagAttributes(html, entry)]));
      return { file, html, found, expected: found && hashFree(snippet(manifest, { base: found.base, entries: found.entries, lang: pageLang(html), ...pageSpace(html), attributes })) };
    });
}

/** The html block of docs/embed.md's "Loading fast" section, and the snippet it must be (a build's, whichever: compare them with hashFree). */
export function docBlock(manifest: PreloadManifest): { markdown: string; found: string | undefined; expected: string } {
  const markdown = readFileSync(embedDoc, 'utf8');
  const section = markdown.split(/^## /m).find((part) => part.startsWith(`${docSection}\n`));
  const found = section && /^```html\n([\s\S]*?)\n```$/m.exec(section)?.[1];
  return { markdown, found, expected: snippet(manifest, docSnippet) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      base: { type: 'string' },
      lang: { type: 'string' },
      api: { type: 'string' },
      space: { type: 'string' },
      type: { type: 'string' },
      manifest: { type: 'string', default: fileURLToPath(new URL(`../dist/cdn/${preloadManifestName}`, import.meta.url)) },
      update: { type: 'boolean', default: false },
    },
  });
  let manifest: PreloadManifest;
  try {
    manifest = JSON.parse(readFileSync(values.manifest!, 'utf8'));
  } catch {
    console.error(`No ${values.manifest}: run npm run build:cdn first.`);
    process.exit(1);
  }
  if (values.update) {
    for (const page of demoPages(manifest)) {
      if (!page.found || page.found.text === page.expected) continue;
      writeFileSync(join(demoSiteDir, page.file), page.html.replace(page.found.text, page.expected!));
      console.log(`Updated demo/site/${page.file}`);
    }
    const doc = docBlock(manifest);
    if (doc.found === undefined) throw new Error(`docs/embed.md has no html block in its section "${docSection}"`);
    if (hashFree(doc.found) !== hashFree(doc.expected)) {
      writeFileSync(embedDoc, doc.markdown.replace(`\`\`\`html\n${doc.found}\n\`\`\``, `\`\`\`html\n${doc.expected}\n\`\`\``));
      console.log('Updated docs/embed.md');
    }
  } else {
    if (!values.base || positionals.length === 0) {
      console.error('Usage: npm run snippet -w packages/elements -- --base <URL of the build, ending with /> [--lang <the page’s language>] [--api <the API’s URL> --space <the space’s id> [--type <the booking widget’s type>]] <entry>… (e.g. cowork-space cowork-booking)');
      process.exit(1);
    }
    console.log(snippet(manifest, { base: values.base, entries: positionals, lang: values.lang, api: values.api, space: values.space, attributes: values.type ? { 'cowork-booking': { type: values.type } } : undefined }));
  }
}
