// npm run spec:build — bundles openapi/ into packages/spec (JSON and YAML) and renders the
// offline HTML reference. With --check, only verifies that the committed bundle is fresh.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { bundleSpec } from './bundle.ts';
import { bundledJson, bundledYaml, referenceHtml } from './paths.ts';
import { listOperations } from './operations.ts';
import { renderReference } from './reference.ts';
import { toJson, toYaml } from './serialize.ts';

const { values } = parseArgs({ options: { check: { type: 'boolean', default: false } } });
const spec = bundleSpec();
const outputs: [string, string][] = [
  [bundledJson, toJson(spec)],
  [bundledYaml, toYaml(spec)],
];

if (values.check) {
  const stale = outputs.filter(([file, text]) => !existsSync(file) || readFileSync(file, 'utf8') !== text).map(([file]) => file);
  if (stale.length > 0) {
    console.error(`Stale: ${stale.join(', ')}. Run npm run spec:build and commit the result.`);
    process.exit(1);
  }
  console.log('packages/spec is fresh.');
} else {
  for (const [file, text] of outputs) writeFileSync(file, text);
  writeFileSync(referenceHtml, renderReference(spec));
  const operations = listOperations(spec);
  console.log(`Bundled ${spec.info.title} ${spec.info.version}: ${operations.length} operations → packages/spec/openapi.{json,yaml}, reference.html`);
}
