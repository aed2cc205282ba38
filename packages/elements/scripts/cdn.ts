// The CDN build of the elements (`npm run build:cdn`, scripts/build-cdn.ts): ES modules for any
// website, no build step on its side. What a page loads is known in advance, so that a site can
// list it in its HTML (`<link rel="modulepreload">`, scripts/snippet.ts) and the browser fetches it
// all at once instead of discovering it import by import:
//
//   cowork-<name>.js, cowork-elements.js   the entries, at stable URLs: one line each, re-exporting
//   v<version>/core-<hash>.js              Lit, @lit/localize, @lit/context, the client and every
//                                          piece several elements share (one copy on the page)
//   v<version>/<element>-<hash>.js         one element's own code: booking, sign-in, member-card…
//   v<version>/<locale>/<folder>-<hash>.js the translations of a folder of src/ (fr/booking; fr/states
//                                          for the states and errors every element shows)
//
// Each module of src/ goes to the chunk of the element every page that runs it loads anyway (the
// sign-in's code to sign-in, which the booking widget, the calendar, "my bookings" and the
// directory all embed), else to core. Every file but the entries carries a hash of its content: it
// never changes, so browsers keep it for a year without asking again, and only the entries (a few
// bytes each) are revalidated. A page names the entries in its scripts, so a snippet written for
// an earlier build still works (its hints then name files the entries no longer load: the page is
// only slower until the snippet is written again). `cowork-preload.json` lists, for each entry,
// the files it loads (its static graph), the ones it may load later and its translations by
// locale: what scripts/snippet.ts writes the hints from.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import ts from 'typescript';
import { build, type InlineConfig, type Rolldown } from 'vite';
import { browserBuildConfig } from '../../../tools/browser/build-config.ts';
import { targetLocales } from '../src/localization/generated/locale-codes.ts';
import { cdnEntries } from './cdn-entries.ts';

const pkg = new URL('..', import.meta.url).pathname;
const src = join(pkg, 'src/');
const generated = join(src, 'localization/generated/');

/** The package's version: the folder of a build's chunks, `v<version>/`. */
export const cdnVersion: string = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')).version;
export const chunkFolder = `v${cdnVersion}`;
export const preloadManifestName = 'cowork-preload.json';
/**
 * How the build names its files, as Rolldown patterns: the entries by their name alone (their URLs,
 * which snippets and sites name for good), every other file by its name and a hash of its content
 * (it never changes, so browsers may keep it for a year). `[name]` is a chunk's name, with the
 * locale's folder for translations (`fr/booking`).
 */
export const cdnFileNames = { entryFileNames: '[name].js', chunkFileNames: `${chunkFolder}/[name]-[hash].js` } as const;

export interface EntryGraph {
  /** Every file the entry loads before it runs, itself first, dependencies before dependents. */
  modules: string[];
  /** Files it may load later (dynamic `import()`), translations aside. */
  lazy: string[];
  /** Per locale, the translation files of its modules (static and lazy), loaded for pages in that language. */
  messages: Record<string, string[]>;
}

export interface PreloadManifest {
  generatedBy: string;
  version: string;
  entries: Record<string, EntryGraph>;
  /** Each file of the build but the entries, by its name without its hash (`v0.1.0/core.js` → `v0.1.0/core-DguIwRz3.js`). */
  files: Record<string, string>;
}

/** The elements (`cowork-<folder>` entries) whose define modules each element's define imports, itself included. */
function embeddedElements(entries: Record<string, string>): Map<string, Set<string>> {
  const elementOf = new Map(Object.entries(entries).filter(([name]) => name !== 'cowork-elements').map(([name, file]) => [file, name.replace(/^cowork-/, '')]));
  const embeds = (file: string, seen = new Set<string>()): Set<string> => {
    seen.add(elementOf.get(file)!);
    for (const [, path] of readFileSync(file, 'utf8').matchAll(/^import\s+'(\.\.\/[\w-]+\/define\.ts)';/gm)) {
      const other = join(dirname(file), path!);
      if (!elementOf.has(other)) throw new Error(`${file} imports ${other}, which is no element's define entry`);
      if (!seen.has(elementOf.get(other)!)) embeds(other, seen);
    }
    return seen;
  };
  return new Map([...elementOf].map(([file, element]) => [element, embeds(file)]));
}

/**
 * What each module of the graph depends on: the modules it imports, seen through the modules that
 * only re-export others (barrels: @lit/context's index, the client's): of those, only the modules
 * whose exports it imports (the sign-in imports `ContextConsumer` from '@lit/context', which does
 * not make it run @lit/context's provider). A barrel itself depends on nothing.
 */
function dependenciesOf(info: (id: string) => Rolldown.ModuleInfo | null): (id: string) => string[] {
  /** Each module's import and re-export declarations, by imported module: the names it takes ('*': all of them). */
  const parsed = new Map<string, { imports: Map<string, Set<string> | '*'>; reexports?: Map<string, { from: string; name: string }>; stars?: string[] } | null>();
  const parse = (id: string) => {
    if (parsed.has(id)) return parsed.get(id)!;
    const module = info(id);
    let result: typeof parsed extends Map<string, infer V> ? V : never = null;
    if (module?.code) {
      const file = ts.createSourceFile(id, module.code, ts.ScriptTarget.Latest, false, ts.ScriptKind.JS);
      const bySpecifier = new Map<string, Set<string> | '*'>();
      const reexports: { specifier: string; exported: string; name: string }[] = [];
      const stars: string[] = [];
      let barrel = true;
      const take = (specifier: string, names: string[] | '*') => {
        const had = bySpecifier.get(specifier);
        if (had === '*' || names === '*') bySpecifier.set(specifier, '*');
        else bySpecifier.set(specifier, new Set([...(had ?? []), ...names]));
      };
      for (const statement of file.statements) {
        if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
          barrel = false;
          const clause = statement.importClause;
          const bindings = clause?.namedBindings;
          const names = bindings && ts.isNamespaceImport(bindings) ? '*' : [...(clause?.name ? ['default'] : []), ...(bindings && ts.isNamedImports(bindings) ? bindings.elements.map((e) => (e.propertyName ?? e.name).text) : [])];
          take(statement.moduleSpecifier.text, names);
        } else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier)) {
          const specifier = statement.moduleSpecifier.text;
          const clause = statement.exportClause;
          if (clause && ts.isNamedExports(clause)) {
            const names = clause.elements.map((e) => (e.propertyName ?? e.name).text);
            take(specifier, names);
            clause.elements.forEach((e, i) => reexports.push({ specifier, exported: e.name.text, name: names[i]! }));
          } else if (clause) {
            barrel = false;
            take(specifier, '*');
          } else {
            take(specifier, '*');
            stars.push(specifier);
          }
        } else if (!ts.isEmptyStatement(statement)) barrel = false;
      }
      // The declarations name the modules in the order of importedIds: anything else, and the module is taken as importing all.
      const specifiers = [...bySpecifier.keys()];
      if (specifiers.length === module.importedIds.length) {
        const idOf = new Map(specifiers.map((specifier, i) => [specifier, module.importedIds[i]!]));
        result = { imports: new Map([...bySpecifier].map(([specifier, names]) => [idOf.get(specifier)!, names])) };
        if (barrel) {
          result.reexports = new Map(reexports.map((r) => [r.exported, { from: idOf.get(r.specifier)!, name: r.name }]));
          result.stars = stars.map((specifier) => idOf.get(specifier)!);
        }
      }
    }
    parsed.set(id, result);
    return result;
  };
  /** The modules that give `barrel`'s export `name`. */
  const exporters = (barrel: string, name: string, seen = new Set<string>()): string[] => {
    const own = parse(barrel);
    if (!own?.reexports || seen.has(barrel)) return [barrel];
    seen.add(barrel);
    const reexport = own.reexports.get(name);
    if (reexport) return [barrel, ...exporters(reexport.from, reexport.name, seen)];
    return [barrel, ...own.stars!.flatMap((star) => (parse(star)?.reexports || info(star)?.exports.includes(name) ? exporters(star, name, seen) : []))];
  };
  return (id) => {
    const own = parse(id);
    if (!own) return info(id)?.importedIds ?? [];
    if (own.reexports) return [];
    return [...own.imports].flatMap(([next, names]) => {
      const barrel = parse(next);
      if (!barrel?.reexports) return [next];
      return names === '*' ? [next, ...barrel.imports.keys()] : [next, ...[...names].flatMap((name) => exporters(next, name))];
    });
  };
}

/**
 * The chunk of each module of the elements' graph: the element that every element running the
 * module embeds (its own folder first, then the one the fewest elements load), else `core`, and so
 * is what a `core` module imports.
 */
function chunkOfModules(entries: Record<string, string>, embedded: Map<string, Set<string>>, info: (id: string) => Rolldown.ModuleInfo | null): Map<string, string> {
  const defines = new Map(Object.entries(entries).filter(([name]) => name !== 'cowork-elements').map(([name, file]) => [file, name.replace(/^cowork-/, '')]));
  const dependencies = dependenciesOf(info);
  const runBy = new Map<string, Set<string>>();
  for (const [file, element] of defines) {
    const seen = new Set<string>();
    const queue = [file];
    while (queue.length > 0) {
      const id = queue.pop()!;
      if (seen.has(id)) continue;
      seen.add(id);
      // Another element's define is that element's: it runs wherever this one does.
      for (const next of dependencies(id)) if (!defines.has(next) || next === file) queue.push(next);
    }
    for (const id of seen) {
      if (!runBy.has(id)) runBy.set(id, new Set());
      runBy.get(id)!.add(element);
    }
  }
  const chunks = new Map<string, string>();
  for (const [id, elements] of runBy) {
    // Its own folder's element if every element running it embeds that one (the sign-in's
    // embedded.ts, run by the elements that embed the sign-in), else the element that every element
    // running it embeds and the fewest others load (the retry of a failed booking or registration
    // goes to the sign-in, which the booking widget, the calendar and my bookings embed and the
    // member card does not), else core. A package's module too: @lit/context's provider is
    // <cowork-space>'s alone.
    const loadedBy = (candidate: string) => [...elements].every((element) => embedded.get(element)!.has(candidate));
    const loaders = (candidate: string) => [...embedded.values()].filter((embeds) => embeds.has(candidate)).length;
    const own = id.startsWith(src) ? [...embedded.keys()].find((candidate) => id.startsWith(join(src, candidate, '/')) && loadedBy(candidate)) : undefined;
    const shared = [...embedded.keys()].filter(loadedBy).sort((a, b) => loaders(a) - loaders(b) || a.localeCompare(b));
    chunks.set(id, own ?? shared[0] ?? 'core');
  }
  // core.js is on every page: it may not import an element's chunk.
  for (let changed = true; changed; ) {
    changed = false;
    for (const [id, chunk] of chunks) {
      if (chunk !== 'core') continue;
      for (const next of dependencies(id)) {
        if (chunks.get(next) !== undefined && chunks.get(next) !== 'core') {
          chunks.set(next, 'core');
          changed = true;
        }
      }
    }
  }
  // A folder's translations are one file, loaded by the chunk of the modules that register them:
  // those modules must share it, or every page running any of them would load them all.
  for (const id of chunks.keys()) {
    if (!id.startsWith(generated) || !/^[\w-]+\.ts$/.test(id.slice(generated.length))) continue;
    const users = (info(id)?.importers ?? []).filter((importer) => chunks.has(importer));
    const spread = new Map(users.map((user) => [user.slice(src.length), chunks.get(user)!]));
    if (new Set(spread.values()).size > 1) {
      throw new Error(
        `The modules of one folder that translate their messages with ${id.slice(src.length)} went to different chunks (${[...spread].map(([module, c]) => `${module} → ${c}`).join(', ')}): ` +
          'move the module that other elements use to a folder of its own (then npm run localize -w packages/elements).',
      );
    }
  }
  return chunks;
}

/** A translation module (`src/localization/generated/<folder>.<locale>.ts`, scripts/localize.ts): its folder and locale. */
function translationOf(id: string): { folder: string; locale: string } | undefined {
  if (!id.startsWith(generated)) return undefined;
  const match = /^([\w-]+)\.([a-z]{2}(?:-[A-Z]{2})?)\.ts$/.exec(id.slice(generated.length));
  return match && (targetLocales as readonly string[]).includes(match[2]!) ? { folder: match[1]!, locale: match[2]! } : undefined;
}

const clientOperations = new URL('../../client/src/generated/operations.ts', import.meta.url).pathname;
const clientOperation = new URL('../../client/src/operation.ts', import.meta.url).pathname;
const operationPrefix = '\0cowork-operation:';

/**
 * The client's generated operations, one module each in the CDN build: the generated module is one
 * module of 51 functions, of which the elements call 24, and a module goes to one chunk, so all 24
 * were in core.js. Each now goes to the chunk of the elements that call it (the member card's three
 * to member-card.js, the booking widget's to booking.js).
 */
function operationModules(): Rolldown.Plugin {
  const operations = new Map<string, string>();
  return {
    name: 'cowork:operation-modules',
    transform(code, id) {
      if (id !== clientOperations) return null;
      const found = [...code.matchAll(/^export const (\w+)\b[^=]*= (?:\/\* @__PURE__ \*\/ )?operation\(([^)]*)\);$/gm)];
      if (found.length !== (code.match(/^export /gm) ?? []).length) throw new Error(`${id}: every export should be an operation(…) the CDN build can move to a module of its own`);
      for (const [, name, args] of found) operations.set(name!, args!);
      return { code: found.map(([, name]) => `export { ${name} } from ${JSON.stringify(operationPrefix + name)};`).join('\n'), map: null };
    },
    resolveId: (id) => (id.startsWith(operationPrefix) ? id : null),
    load(id) {
      if (!id.startsWith(operationPrefix)) return null;
      const name = id.slice(operationPrefix.length);
      return `import { operation } from ${JSON.stringify(clientOperation)};\nexport const ${name} = /* @__PURE__ */ operation(${operations.get(name)});\n`;
    },
  };
}

/** The Vite configuration of the CDN build into `outDir`: the browsers' build (tools/browser), its chunks named as above. */
export function cdnBuildConfig(outDir: string): InlineConfig {
  const entries = cdnEntries();
  const embedded = embeddedElements(entries);
  const elements = [...embedded.keys()];
  // A chunk takes the modules it imports unless a chunk of higher priority took them first: core,
  // then the elements embedded by the most others (the sign-in before the booking widget).
  const embeddedBy = (element: string) => elements.filter((other) => embedded.get(other)!.has(element)).length;
  let chunks: Map<string, string> | undefined;
  const chunkOf = (id: string, ctx: Rolldown.ChunkingContext) =>
    (chunks ??= chunkOfModules(entries, embedded, (m) => ctx.getModuleInfo(m))).get(id) ??
    // The bundler's own helpers (\0rolldown/runtime.js), needed by several chunks.
    (id.startsWith('\0') ? 'core' : undefined);
  const config = browserBuildConfig(entries, outDir);
  config.plugins!.push(operationModules());
  // A translation file is a string of keys and a list of messages: its source map would point
  // back to the same list, and its last line (`//# sourceMappingURL=…`, 40 bytes gzip) would reach
  // every visitor of a page in that language.
  config.plugins!.push({
    name: 'cowork:translations-without-source-maps',
    generateBundle(_, bundle) {
      for (const [fileName, chunk] of Object.entries(bundle)) {
        if (chunk.type !== 'chunk' || !translationLocale(fileName)) continue;
        chunk.code = chunk.code.replace(/\n?\/\/# sourceMappingURL=\S+\s*$/, '\n');
        delete bundle[`${fileName}.map`];
      }
    },
  });
  const rolldownOptions = config.build!.rolldownOptions!;
  const output = rolldownOptions.output as Rolldown.OutputOptions;
  output.codeSplitting = {
    groups: [
      { debugName: 'core', name: (id, ctx) => (chunkOf(id, ctx) === 'core' ? 'core' : null), priority: 1000 },
      ...elements.map((element) => ({ debugName: element, name: (id: string, ctx: Rolldown.ChunkingContext) => (chunkOf(id, ctx) === element ? element : null), priority: 100 + embeddedBy(element) })),
    ],
  };
  output.chunkFileNames = (chunk) => {
    // Each folder's translations for one locale (a module imported dynamically only) are a file of
    // their own, exporting the module's own exports (no namespace object to build).
    const translation = chunk.facadeModuleId ? translationOf(chunk.facadeModuleId) : undefined;
    if (translation && chunk.moduleIds.length === 1) return cdnFileNames.chunkFileNames.replace('[name]', `${translation.locale}/${translation.folder}`);
    if (chunk.name === 'core' || elements.includes(chunk.name)) return cdnFileNames.chunkFileNames.replace('[name]', chunk.name);
    throw new Error(`The CDN build made a chunk no rule names (${chunk.name}: ${chunk.moduleIds.join(', ')}); scripts/cdn.ts must say where its modules go.`);
  };
  return config;
}

/** Builds the CDN bundle into `outDir` and writes its `cowork-preload.json`; answers that manifest. */
export async function buildCdn(outDir: string): Promise<PreloadManifest> {
  const output = await build(cdnBuildConfig(outDir));
  const chunks = (Array.isArray(output) ? output : [output as Rolldown.RolldownOutput]).flatMap((result) => result.output).filter((file) => file.type === 'chunk');
  const fileOf = new Map(chunks.filter((chunk) => !chunk.isEntry).map((chunk) => [chunk.name, chunk.fileName]));
  const file = (chunk: string) => fileOf.get(chunk) ?? `${chunkFolder}/${chunk}-?.js (not built)`;
  // What chunkOfModules promised: core.js imports no element's chunk, and an element's chunk only
  // core.js and the chunks of the elements it embeds.
  const embedded = embeddedElements(cdnEntries());
  for (const [element, embeds] of [['core', new Set<string>()] as const, ...embedded]) {
    const allowed = new Set([file('core'), ...[...embeds].map(file)]);
    const wrong = importsOf(outDir, file(element)).static.filter((imported) => !allowed.has(imported) || imported === file(element));
    if (wrong.length > 0) throw new Error(`The CDN build's ${file(element)} imports ${wrong.join(', ')}: scripts/cdn.ts put a module it runs in the wrong chunk`);
  }
  const manifest: PreloadManifest = {
    generatedBy: 'npm run build:cdn (packages/elements/scripts/cdn.ts)',
    version: cdnVersion,
    entries: Object.fromEntries(Object.keys(cdnEntries()).map((name) => [name, entryGraph(outDir, `${name}.js`)])),
    files: Object.fromEntries(chunks.filter((chunk) => !chunk.isEntry).map((chunk) => [withoutHash(chunk.fileName), chunk.fileName]).sort(([a], [b]) => a!.localeCompare(b!))),
  };
  writeFileSync(join(outDir, preloadManifestName), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/** The relative imports of a built file: static (`import … from "./x.js"`, `import "./x.js"`) and dynamic (`import("./x.js")`), as paths in the build. */
export function importsOf(outDir: string, file: string): { static: string[]; dynamic: string[] } {
  const code = readFileSync(join(outDir, file), 'utf8');
  const resolve = (specifier: string) => posix.normalize(posix.join(posix.dirname(file), specifier));
  return {
    static: [...code.matchAll(/(?:\bfrom|\bimport)\s*["'`](\.{1,2}\/[^"'`]+)["'`]/g)].map((m) => resolve(m[1]!)),
    dynamic: [...code.matchAll(/\bimport\s*\(\s*["'`](\.{1,2}\/[^"'`]+)["'`]\s*\)/g)].map((m) => resolve(m[1]!)),
  };
}

/**
 * A built chunk's name without its hash (`v0.1.0/fr/booking-CRwk1IJT.js` → `v0.1.0/fr/booking.js`):
 * what the file is, whichever build made it. The entries, at the top of the build, have no hash.
 */
export function withoutHash(file: string): string {
  return file.replace(/((?:^|\/)v\d[^/]*\/(?:[^/]+\/)*[^/]+)-[\w-]{8}(\.js(?:\.map)?)$/, '$1$2');
}

/** A translation file of the build (`v<version>/<locale>/<chunk>.js`): its locale. */
export function translationLocale(file: string): string | undefined {
  const match = /^v[^/]+\/([a-z]{2}(?:-[A-Z]{2})?)\/[^/]+\.js$/.exec(file);
  return match?.[1];
}

/** The files `file` loads before it runs (itself and its static imports, recursively), dependencies before dependents. */
function staticGraph(outDir: string, file: string): string[] {
  const order: string[] = [];
  const seen = new Set<string>();
  const visit = (current: string) => {
    if (seen.has(current)) return;
    seen.add(current);
    for (const next of importsOf(outDir, current).static) visit(next);
    order.push(current);
  };
  visit(file);
  return order;
}

/** What the entry `file` of the build in `outDir` loads, read from the built files themselves. */
export function entryGraph(outDir: string, file: string): EntryGraph {
  const modules = [file, ...staticGraph(outDir, file).slice(0, -1)];
  const lazy: string[] = [];
  const messages: Record<string, string[]> = {};
  const seen = new Set(modules);
  const queue = [...modules];
  while (queue.length > 0) {
    for (const next of importsOf(outDir, queue.shift()!).dynamic) {
      // A lazy chunk comes with what it imports statically (translations with the bundler's helpers).
      const locale = translationLocale(next);
      for (const loaded of staticGraph(outDir, next).reverse()) {
        if (seen.has(loaded)) continue;
        seen.add(loaded);
        queue.push(loaded);
        const loadedLocale = translationLocale(loaded) ?? locale;
        if (loadedLocale) (messages[loadedLocale] ??= []).push(loaded);
        else lazy.push(loaded);
      }
    }
  }
  return { modules, lazy, messages };
}
