#!/usr/bin/env node
// The `coworking-commons-conformance` command. It exists before any build, so that npm links it at
// install time: an installed package runs its built `dist/cli.js`; a clone of the repository runs
// the TypeScript source.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const inRepository = existsSync(fileURLToPath(new URL('../tsconfig.build.json', import.meta.url)));
if (inRepository && !process.features.typescript) {
  process.stderr.write(`coworking-commons-conformance needs Node.js 22.18 or newer in the repository, and this is Node.js ${process.versions.node}: run it as \`npm run conformance -- …\`.\n`);
  process.exit(2);
}
await import(inRepository ? '../src/cli.ts' : '../dist/cli.js');
