// A copy of the repository's build inputs in a temporary folder, sharing the repository's
// installed node_modules, so that building and packing there leaves the working tree alone:
// other tests read packages/spec and the elements' dist meanwhile.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { repoRoot } from '../spec/paths.ts';

/** What building the packages reads: the root manifest and tsconfig, the tools, the spec's sources and the packages. */
const buildInputs = ['package.json', 'tsconfig.json', 'redocly.yaml', 'tools', 'openapi', 'packages'];

/**
 * Copies the build inputs (tracked and new files, not ignored ones such as dist/) into `into`,
 * and gives it a node_modules whose entries link to the repository's, except the workspace
 * packages, which link to their copies.
 */
export function scratchCheckout(into: string): void {
  const listed = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--', ...buildInputs], { cwd: repoRoot, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  for (const file of listed.split('\0')) {
    // Files deleted in the working tree are still listed until the deletion is staged.
    if (file === '' || !existsSync(join(repoRoot, file))) continue;
    mkdirSync(dirname(join(into, file)), { recursive: true });
    copyFileSync(join(repoRoot, file), join(into, file));
  }

  const modules = join(into, 'node_modules');
  const workspaces = (JSON.parse(readFileSync(join(into, 'package.json'), 'utf8')) as { workspaces: string[] }).workspaces;
  const names = new Map(workspaces.map((folder) => [packageName(into, folder), folder]));
  const scopes = new Set([...names.keys()].map((name) => name.split('/')[0]!));
  const installed = join(repoRoot, 'node_modules');
  mkdirSync(modules);
  for (const entry of readdirSync(installed)) {
    if (!scopes.has(entry)) {
      symlinkSync(join(installed, entry), join(modules, entry));
      continue;
    }
    mkdirSync(join(modules, entry));
    for (const member of readdirSync(join(installed, entry))) {
      if (!names.has(`${entry}/${member}`)) symlinkSync(join(installed, entry, member), join(modules, entry, member));
    }
  }
  for (const [name, folder] of names) {
    mkdirSync(dirname(join(modules, name)), { recursive: true });
    symlinkSync(join(into, folder), join(modules, name));
    // What npm installed for this workspace alone: a version the root does not hoist (the client's ky).
    const own = join(repoRoot, folder, 'node_modules');
    if (existsSync(own)) symlinkSync(own, join(into, folder, 'node_modules'));
  }
}

export function packageName(root: string, folder: string): string {
  return (JSON.parse(readFileSync(join(root, folder, 'package.json'), 'utf8')) as { name: string }).name;
}
