#!/usr/bin/env node
// The `coworking-commons` command. It exists before any build, so that npm links it at install
// time: an installed package runs its built `dist/cli.js`; a clone of the repository runs the
// TypeScript source, which needs no build and is never stale.
import { existsSync } from 'node:fs';
import { register } from 'node:module';
import { fileURLToPath } from 'node:url';

const inRepository = existsSync(fileURLToPath(new URL('../tsconfig.build.json', import.meta.url)));
const [major, minor] = process.versions.node.split('.').map(Number);
const fitting = inRepository ? Boolean(process.features.typescript) : major > 22 || (major === 22 && minor >= 16);
if (!fitting) {
  process.stderr.write(
    inRepository
      ? `coworking-commons needs Node.js 22.18 or newer, and this is Node.js ${process.versions.node}: in the repository, run it as \`npx coworking-commons\` after \`npm install\`, which brings Node.js 22.\n`
      : `coworking-commons needs Node.js 22.16 or newer, and this is Node.js ${process.versions.node}: install Node.js 22 or newer (https://nodejs.org).\n`,
  );
  process.exit(1);
}

// `node:sqlite` warns that it is experimental on every start; the command's shebang used to
// pass --disable-warning=ExperimentalWarning, which a bin run through npm cannot.
const printWarning = process.listeners('warning');
process.removeAllListeners('warning');
process.on('warning', (warning) => {
  if (warning.name === 'ExperimentalWarning' && warning.message.includes('SQLite')) return;
  for (const print of printWarning) print(warning);
});

if (inRepository) {
  register('./source-condition.js', import.meta.url);
  await import('../src/cli.ts');
} else {
  await import('../dist/cli.js');
}
