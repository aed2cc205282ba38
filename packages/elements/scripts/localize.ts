// `npm run localize -w packages/elements` (after `lit-localize extract`): the translations of the
// XLIFF files as @lit/localize's runtime modules, one per folder of src/ and locale, so that a
// page loads the messages of the elements it runs and no others (the booking widget's French, not
// the calendar's). For each folder whose modules call `msg()`, say src/booking/, it writes
//   src/localization/generated/booking.ts      its loaders: `{ fr: () => import('./booking.fr.ts') }`
//   src/localization/generated/booking.fr.ts   the French messages of its modules (@lit/localize's format)
// and each of those modules registers them: `useMessages(messages)` (src/localization/localization.ts).
// In the CDN build (scripts/cdn.ts) each becomes one file, v<version>/fr/booking.js: a folder's
// modules go to one chunk (the test of the build checks that a page loads no other translations
// than those of the code it runs). Files of src/localization/generated/ it no longer writes are removed.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readConfigFileAndWriteSchema } from '@lit/localize-tools/lib/config.js';
import { RuntimeLitLocalizer } from '@lit/localize-tools/lib/modes/runtime.js';
import { extractMessagesFromProgram } from '@lit/localize-tools/lib/program-analysis.js';
import ts from 'typescript';
import { messageKey } from '../src/localization/message-key.ts';

const pkg = fileURLToPath(new URL('..', import.meta.url));
const src = join(pkg, 'src');
export const generatedDir = join(src, 'localization/generated');
const header = '// Do not modify this file by hand: `npm run localize -w packages/elements` writes it (scripts/localize.ts).';

export interface LocalizeOptions {
  /** Where the XLIFF files are (default: the configuration's, xliff/). */
  xliffDir?: string;
  /** Where to write (default: src/localization/generated/); the tests write elsewhere to compare. */
  outDir?: string;
}

/** Writes the generated modules; answers the files written, relative to `outDir`. */
export async function localize(options: LocalizeOptions = {}): Promise<string[]> {
  const outDir = options.outDir ?? generatedDir;
  const config = readConfigFileAndWriteSchema(join(pkg, 'lit-localize.json'));
  const output = config.output;
  if (output.mode !== 'runtime') throw new Error('lit-localize.json: the elements use the runtime mode');
  const interchange = config.interchange;
  if (interchange.format !== 'xliff') throw new Error('lit-localize.json: the elements keep their translations as XLIFF');
  const staging = mkdtempSync(join(tmpdir(), 'cowork-localize-'));
  try {
    const localizer = new RuntimeLitLocalizer({
      ...config,
      interchange: { ...interchange, xliffDir: options.xliffDir ?? interchange.xliffDir },
      output: { ...output, outputDir: staging, localeCodesModule: join(staging, 'locale-codes.ts') },
    });
    // @lit/localize's own build: every message of every locale in one module, checked against the sources.
    await localizer.build();
    // The messages of each source file, all of them: @lit/localize keeps one place per message.
    const program = (localizer as unknown as { program: ts.Program }).program;
    const byFile = new Map<string, Set<string>>();
    for (const file of program.getSourceFiles()) {
      const one: ts.Program = Object.create(program, { getSourceFiles: { value: () => [file] } });
      const { messages } = extractMessagesFromProgram(one);
      if (messages.length > 0) byFile.set(file.fileName, new Set(messages.map((message) => message.name)));
    }
    // By folder: src/booking/checkout.ts and src/booking/booking.ts are both `booking`.
    const byFolder = new Map<string, { modules: string[]; ids: Set<string> }>();
    for (const [file, ids] of byFile) {
      const module = relative(src, file).split(sep).join('/');
      const folder = module.includes('/') ? module.split('/')[0]! : module.replace(/\.ts$/, '');
      if (!byFolder.has(folder)) byFolder.set(folder, { modules: [], ids: new Set() });
      byFolder.get(folder)!.modules.push(module);
      for (const id of ids) byFolder.get(folder)!.ids.add(id);
    }
    const files = new Map<string, string>([['locale-codes.ts', readFileSync(join(staging, 'locale-codes.ts'), 'utf8')]]);
    // The translations name each message by a key of a few letters (src/localization/message-key.ts):
    // the fewest, at least 3, with the first seed that gives each of the elements' messages its own.
    const ids = [...new Set([...byFolder.values()].flatMap((folder) => [...folder.ids]))].sort();
    let keyLength = 3;
    let keySeed = 0;
    while (new Set(ids.map((id) => messageKey(id, keyLength, keySeed))).size < ids.length) {
      if (++keySeed === 100_000) [keyLength, keySeed] = [keyLength + 1, 0];
    }
    files.set(
      'message-key.ts',
      `${header}\n// The keys of the messages in the translations (../message-key.ts): the fewest letters, and the first seed,\n` +
        `// that give each of the ${ids.length} messages of the elements a key of its own.\nexport const keyLength = ${keyLength};\nexport const keySeed = ${keySeed};\n`,
    );
    const all = new Map(config.targetLocales.map((locale) => [locale, templates(readFileSync(join(staging, `${locale}.ts`), 'utf8'))]));
    for (const [folder, { modules, ids: folderIds }] of [...byFolder].sort(([a], [b]) => a.localeCompare(b))) {
      const of = modules[0]!.includes('/') ? `src/${folder}/ (${modules.sort().map((module) => module.slice(folder.length + 1)).join(', ')})` : `src/${modules[0]}`;
      const loaders = config.targetLocales.map((locale) => `  ${locale}: () => import('./${folder}.${locale}.ts'),`);
      files.set(
        `${folder}.ts`,
        `${header}\n// The translations of the messages of ${of}:\n// loaded for a page in one of these languages.\n` +
          `import type { Messages } from '../localization.ts';\n\n` +
          `const messages: Messages = {\n${loaders.join('\n')}\n};\nexport default messages;\n`,
      );
      for (const locale of config.targetLocales) {
        const entries = [...folderIds].map((id) => {
          const text = all.get(locale)!.get(id);
          if (text === undefined) throw new Error(`${locale}: no message ${id} (of ${of}) in @lit/localize's output`);
          return [messageKey(id, keyLength, keySeed), id, text] as const;
        }).sort(([a], [b]) => (a < b ? -1 : 1));
        const uses = (tag: string) => entries.some(([, , text]) => text.startsWith(`${tag}\``));
        files.set(
          `${folder}.${locale}.ts`,
          `${header}\n// The ${locale} messages of ${of}: their keys (../message-key.ts) in one string, then the messages in that order.\n` +
            "import type { Translations } from '../localization.ts';\n" +
            (uses('html') ? "import { html } from 'lit';\n" : '') +
            (uses('str') ? "import { str } from '@lit/localize';\n" : '') +
            `\nconst translations: Translations = [\n  '${entries.map(([key]) => key).join('')}',\n` +
            `${entries.map(([key, id, text]) => `  /* ${key} ${id} */ ${text},`).join('\n')}\n];\nexport default translations;\n`,
        );
      }
    }
    for (const stale of filesIn(outDir).filter((file) => !files.has(file))) rmSync(join(outDir, stale));
    for (const [file, text] of files) {
      mkdirSync(dirname(join(outDir, file)), { recursive: true });
      writeFileSync(join(outDir, file), text);
    }
    for (const folder of readdirSync(outDir, { withFileTypes: true }).filter((entry) => entry.isDirectory())) {
      if (filesIn(join(outDir, folder.name)).length === 0) rmSync(join(outDir, folder.name), { recursive: true });
    }
    return [...files.keys()].sort();
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/** The entries of a module written by @lit/localize's runtime build: message id → its code (`html\`…\``, `str\`…\``, `` `…` ``). */
function templates(code: string): Map<string, string> {
  const file = ts.createSourceFile('locale.ts', code, ts.ScriptTarget.Latest, true);
  const entries = new Map<string, string>();
  file.forEachChild(function visit(node): void {
    if (ts.isVariableDeclaration(node) && node.name.getText(file) === 'templates' && node.initializer && ts.isObjectLiteralExpression(node.initializer)) {
      for (const property of node.initializer.properties) {
        if (!ts.isPropertyAssignment(property)) throw new Error(`Unexpected entry in @lit/localize's output: ${property.getText(file)}`);
        const id = ts.isStringLiteral(property.name) || ts.isIdentifier(property.name) ? property.name.text : property.name.getText(file);
        entries.set(id, property.initializer.getText(file));
      }
    } else node.forEachChild(visit);
  });
  return entries;
}

export function filesIn(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
      .sort();
  } catch {
    return [];
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const written = await localize();
  console.log(`Wrote ${written.length} files into src/localization/generated/`);
}
