// Empties the current package's dist/ before `tsc` writes it again, so that a module deleted from
// src/ cannot linger in a published tarball. `--keep <name>` spares a folder other builds own
// (the elements' CDN bundle in dist/cdn).
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { keep: { type: 'string', multiple: true, default: [] } } });
const dist = join(process.cwd(), 'dist');
if (existsSync(dist)) {
  for (const entry of readdirSync(dist)) {
    if (!values.keep.includes(entry)) rmSync(join(dist, entry), { recursive: true, force: true });
  }
}
