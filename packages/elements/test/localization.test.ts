// The generated translation modules (src/localization/generated/: for each folder of src/ whose
// modules call `msg()`, a module of loaders and one module per locale) and the XLIFF files are
// fresh: what `npm run localize` would write now is what is committed, and every message has a
// French translation. Like the client's generate:check. Each module that calls `msg()` registers
// the translations of its folder.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { filesIn, generatedDir, localize } from '../scripts/localize.ts';

const pkg = fileURLToPath(new URL('..', import.meta.url));
const cli = fileURLToPath(new URL('../../../node_modules/@lit/localize-tools/bin/lit-localize.js', import.meta.url));
const config = JSON.parse(readFileSync(join(pkg, 'lit-localize.json'), 'utf8'));

test('the XLIFF files and the generated translation modules are fresh (run `npm run localize -w packages/elements`)', { timeout: 120_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cowork-localize-'));
  // Inside the package, so that the paths of the configuration stay relative to it.
  const checkConfig = join(pkg, `.lit-localize.check-${process.pid}.json`);
  try {
    cpSync(join(pkg, 'xliff'), join(dir, 'xliff'), { recursive: true });
    writeFileSync(checkConfig, JSON.stringify({ ...config, interchange: { ...config.interchange, xliffDir: join(dir, 'xliff') } }));
    execFileSync(process.execPath, [cli, 'extract', '--config', checkConfig], { cwd: pkg, stdio: 'pipe' });
    for (const file of readdirSync(join(pkg, 'xliff'))) {
      assert.equal(readFileSync(join(dir, 'xliff', file), 'utf8'), readFileSync(join(pkg, 'xliff', file), 'utf8'), `xliff/${file} is stale: run npm run localize -w packages/elements`);
    }
    const written = await localize({ xliffDir: join(dir, 'xliff'), outDir: join(dir, 'generated') });
    assert.deepEqual(filesIn(generatedDir), written, 'src/localization/generated/ holds other files than npm run localize -w packages/elements writes');
    for (const file of written) {
      assert.equal(
        readFileSync(join(dir, 'generated', file), 'utf8'),
        readFileSync(join(generatedDir, file), 'utf8'),
        `src/localization/generated/${file} is stale: run npm run localize -w packages/elements`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(checkConfig, { force: true });
  }
});

test('each module that calls msg() registers the translations of its folder, and no other module registers any', () => {
  const src = join(pkg, 'src');
  const modules = readdirSync(src, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => relative(src, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .filter((file) => !file.startsWith('localization/generated/'));
  const unused = new Set(filesIn(generatedDir).filter((file) => !/\.[a-z]{2}(-[A-Z]{2})?\.ts$/.test(file) && file !== 'locale-codes.ts' && file !== 'message-key.ts'));
  for (const module of modules) {
    const code = readFileSync(join(src, module), 'utf8');
    const calls = /\bmsg\(/.test(code.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, ''));
    const imported = [...code.matchAll(/^import (\w+) from '((?:\.\.\/)+localization\/generated\/([^']+))';$/gm)];
    if (!calls) {
      assert.deepEqual(imported.map((m) => m[2]), [], `${module} calls no msg() but loads translations`);
      continue;
    }
    const own = `${module.includes('/') ? module.split('/')[0] : module.replace(/\.ts$/, '')}.ts`;
    assert.deepEqual(imported.map((m) => m[3]), [own], `${module} imports the translations of its folder, src/localization/generated/${own}, and no other`);
    assert.match(code, new RegExp(`^useMessages\\(${imported[0]![1]}\\);$`, 'm'), `${module} registers them at its top: useMessages(${imported[0]![1]})`);
    assert.ok(filesIn(generatedDir).includes(own), `src/localization/generated/${own} exists`);
    unused.delete(own);
  }
  assert.deepEqual([...unused], [], 'translations no module registers (run npm run localize -w packages/elements)');
});

test('every message has a French translation', () => {
  const xliff = readFileSync(join(pkg, 'xliff/fr.xlf'), 'utf8');
  const units = [...xliff.matchAll(/<trans-unit id="([^"]+)">([\s\S]*?)<\/trans-unit>/g)];
  assert.ok(units.length > 50, 'messages were extracted');
  const missing = units.filter(([, , body]) => !/<target>[\s\S]*?\S[\s\S]*?<\/target>/.test(body!)).map(([, id, body]) => `${id}: ${/<source>([\s\S]*?)<\/source>/.exec(body!)?.[1]}`);
  assert.deepEqual(missing, [], 'messages without a French translation in xliff/fr.xlf');
});
