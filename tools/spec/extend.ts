// npm run spec:extend -- <folder> [--check]
// Applies <folder>/overlay.yaml to the core spec, lints the result with the project's rules, and
// generates its typed client into <folder>/generated (openapi.json, schema.ts, operations.ts).
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';
import { generateClientSources } from '../../packages/client/scripts/client-sources.ts';
import { applyOverlay } from './overlay.ts';
import { bundledJson } from './paths.ts';
import { redocly } from './redocly.ts';
import { toJson } from './serialize.ts';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { check: { type: 'boolean', default: false } } });
if (positionals.length !== 1) {
  console.error('Usage: npm run spec:extend -- <folder with overlay.yaml> [--check]');
  process.exit(2);
}
const folder = resolve(positionals[0]!);
const overlay = parse(readFileSync(join(folder, 'overlay.yaml'), 'utf8'));
const core = JSON.parse(readFileSync(bundledJson, 'utf8'));
const extended = await applyOverlay(core, overlay);

const scratch = mkdtempSync(join(tmpdir(), 'cowork-extend-'));
try {
  const file = join(scratch, 'openapi.json');
  writeFileSync(file, toJson(extended));
  const lint = redocly(['lint', file]);
  if (!lint.ok) {
    console.error(lint.output);
    console.error(`The extended spec does not pass the project's lint rules (${folder}/overlay.yaml).`);
    process.exit(1);
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

const files: Record<string, string> = {
  'openapi.json': toJson(extended),
  ...(await generateClientSources(extended, { runtime: '@coworking-commons/client' })),
};
const outDir = join(folder, 'generated');
if (values.check) {
  const stale = Object.keys(files).filter((name) => !existsSync(join(outDir, name)) || readFileSync(join(outDir, name), 'utf8') !== files[name]);
  if (stale.length > 0) {
    console.error(`Stale: ${stale.map((n) => join(outDir, n)).join(', ')}. Run npm run generate and commit.`);
    process.exit(1);
  }
  console.log(`${outDir} is fresh.`);
} else {
  mkdirSync(outDir, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(outDir, name), text);
  console.log(`Applied ${overlay.info?.title ?? 'the overlay'}, linted, and generated ${Object.keys(files).join(', ')} in ${outDir}`);
}
