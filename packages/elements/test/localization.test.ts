// The generated locale modules (src/localization/generated/) and the XLIFF files are fresh: what
// `npm run localize` would write now is what is committed, and every message has a French
// translation. Like the client's generate:check.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const pkg = fileURLToPath(new URL('..', import.meta.url));
const cli = fileURLToPath(new URL('../../../node_modules/@lit/localize-tools/bin/lit-localize.js', import.meta.url));
const config = JSON.parse(readFileSync(join(pkg, 'lit-localize.json'), 'utf8'));

test('the XLIFF files and the generated locale modules are fresh (run `npm run localize -w packages/elements`)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cowork-localize-'));
  // Inside the package, so that the paths of the configuration stay relative to it.
  const checkConfig = join(pkg, `.lit-localize.check-${process.pid}.json`);
  try {
    cpSync(join(pkg, 'xliff'), join(dir, 'xliff'), { recursive: true });
    writeFileSync(
      checkConfig,
      JSON.stringify({
        ...config,
        output: { ...config.output, outputDir: join(dir, 'generated'), localeCodesModule: join(dir, 'generated', 'locale-codes.ts') },
        interchange: { ...config.interchange, xliffDir: join(dir, 'xliff') },
      }),
    );
    execFileSync(process.execPath, [cli, 'extract', '--config', checkConfig], { cwd: pkg, stdio: 'pipe' });
    execFileSync(process.execPath, [cli, 'build', '--config', checkConfig], { cwd: pkg, stdio: 'pipe' });
    for (const file of readdirSync(join(pkg, 'xliff'))) {
      assert.equal(readFileSync(join(dir, 'xliff', file), 'utf8'), readFileSync(join(pkg, 'xliff', file), 'utf8'), `xliff/${file} is stale: run npm run localize -w packages/elements`);
    }
    for (const file of readdirSync(join(dir, 'generated'))) {
      assert.equal(
        readFileSync(join(dir, 'generated', file), 'utf8'),
        readFileSync(join(pkg, 'src/localization/generated', file), 'utf8'),
        `src/localization/generated/${file} is stale: run npm run localize -w packages/elements`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(checkConfig, { force: true });
  }
});

test('every message has a French translation', () => {
  const xliff = readFileSync(join(pkg, 'xliff/fr.xlf'), 'utf8');
  const units = [...xliff.matchAll(/<trans-unit id="([^"]+)">([\s\S]*?)<\/trans-unit>/g)];
  assert.ok(units.length > 50, 'messages were extracted');
  const missing = units.filter(([, , body]) => !/<target>[\s\S]*?\S[\s\S]*?<\/target>/.test(body!)).map(([, id, body]) => `${id}: ${/<source>([\s\S]*?)<\/source>/.exec(body!)?.[1]}`);
  assert.deepEqual(missing, [], 'messages without a French translation in xliff/fr.xlf');
});
