// Generates the client's types and operation functions from a bundled spec:
//   node packages/client/scripts/generate.ts [--spec file.json] [--out dir] [--runtime module] [--check]
// The default is the core spec into packages/client/src/generated. An extended spec (a space's
// overlay applied) can be generated anywhere, importing the runtime from '@coworking-commons/client'.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { bundledJson } from '../../../tools/spec/paths.ts';
import { generateClientSources } from './client-sources.ts';

const { values } = parseArgs({
  options: {
    spec: { type: 'string', default: bundledJson },
    out: { type: 'string', default: new URL('../src/generated', import.meta.url).pathname },
    runtime: { type: 'string', default: '../operation.ts' },
    check: { type: 'boolean', default: false },
  },
});

const spec = JSON.parse(readFileSync(resolve(values.spec), 'utf8'));
const files = await generateClientSources(spec, { runtime: values.runtime });
const outDir = resolve(values.out);

if (values.check) {
  const stale = Object.entries(files).filter(([name, text]) => {
    const file = join(outDir, name);
    return !existsSync(file) || readFileSync(file, 'utf8') !== text;
  });
  if (stale.length > 0) {
    console.error(`Stale generated files in ${outDir}: ${stale.map(([n]) => n).join(', ')}. Run npm run generate and commit.`);
    process.exit(1);
  }
  console.log(`${outDir} is fresh.`);
} else {
  mkdirSync(outDir, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(outDir, name), text);
  console.log(`Generated ${Object.keys(files).join(', ')} in ${outDir}`);
}
