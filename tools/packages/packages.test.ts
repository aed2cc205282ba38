// The published packages, as their users get them: built and packed in a scratch copy of the
// repository, installed from the tarballs into a fresh project, then used from plain Node and
// from TypeScript without the repository's `source` condition.
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, posix } from 'node:path';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';
import { shellEnvironment } from '../process/shell-env.ts';
import { repoRoot } from '../spec/paths.ts';
import { consumerProject, type Lockfile } from './consumer-lock.ts';
import { scratchCheckout } from './scratch-checkout.ts';

interface Manifest {
  name: string;
  version: string;
  main?: string;
  types?: string;
  bin?: Record<string, string>;
  exports?: ExportsValue;
  sideEffects?: boolean | string[];
  dependencies?: Record<string, string>;
  private?: boolean;
}
type ExportsValue = string | null | { [key: string]: ExportsValue };

interface Packed {
  manifest: Manifest;
  /** The package's folder in the scratch copy. */
  dir: string;
  tarball: string;
  /** The paths the tarball holds, relative to the package. */
  files: Set<string>;
}

const scratch = mkdtempSync(join(tmpdir(), 'cowork-packages-'));
const consumer = join(scratch, 'consumer');
const packages = new Map<string, Packed>();
const packed = (name: string): Packed => packages.get(`@coworking-commons/${name}`) ?? assert.fail(`@coworking-commons/${name} was not packed`);
const installedBin = join(consumer, 'node_modules', '.bin', 'coworking-commons');

/** The environment of a shell, not of the `npm test` (and `--conditions=source`) running this file. */
const env = shellEnvironment();
// A user of the packages has a Node.js they fit: this one, first on PATH for the installed bin.
env.PATH = [dirname(process.execPath), env.PATH].join(delimiter);
const execFileAsync = promisify(execFile);

async function run(command: string, args: string[], cwd: string): Promise<{ stdout: string; stderr: string }> {
  try {
    return await execFileAsync(command, args, { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`${command} ${args.join(' ')} failed in ${cwd}:\n${stdout ?? ''}${stderr ?? ''}`, { cause: error });
  }
}
const node = (args: string[], cwd = consumer) => run(process.execPath, args, cwd);

/** Every target an exports map names, for every condition but `skip`. */
function exportTargets(value: ExportsValue | undefined, skip: string[] = ['source']): string[] {
  if (value === null || value === undefined) return [];
  if (typeof value === 'string') return [value];
  return Object.entries(value).flatMap(([key, nested]) => (skip.includes(key) ? [] : exportTargets(nested, skip)));
}

/** The subpaths of an exports map with the value of one condition. */
function entries(manifest: Manifest, condition: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const [subpath, value] of Object.entries((manifest.exports ?? {}) as Record<string, ExportsValue>)) {
    const target = typeof value === 'string' ? value : value?.[condition];
    if (typeof target === 'string') map.set(subpath, target);
  }
  return map;
}

/** A package.json `sideEffects` glob as npm bundlers read it: relative to the package, `**` across folders. */
function sideEffectsPattern(glob: string): RegExp {
  const source = posix.normalize(glob).replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*\*\//g, '\0').replace(/\*/g, '[^/]*').replace(/\0/g, '(?:.*/)?');
  return new RegExp(`^${source}$`);
}

const fileOf = (target: string) => posix.normalize(target);

/** The files a manifest names for its users: exports (but `source`), main, types and bin. */
const namedFiles = (manifest: Manifest): string[] =>
  [...exportTargets(manifest.exports), manifest.main, manifest.types, ...Object.values(manifest.bin ?? {})].filter((t) => t !== undefined).map(fileOf);

/** An elements subpath that registers tags: `./<element>/define` or `./define-all`. */
const isDefineEntry = (subpath: string) => /(^|\/)define(-all)?$/.test(subpath);

before(async () => {
  scratchCheckout(scratch);
  await run('npm', ['run', 'build'], scratch);

  const tarballs = join(scratch, 'tarballs');
  mkdirSync(tarballs);
  const { stdout } = await run('npm', ['pack', '--json', '--ignore-scripts', '--workspaces', '--pack-destination', tarballs], scratch);
  const report = JSON.parse(stdout) as { name: string; filename: string; files: { path: string }[] }[];
  const folders = (JSON.parse(readFileSync(join(scratch, 'package.json'), 'utf8')) as { workspaces: string[] }).workspaces;
  for (const folder of folders) {
    const dir = join(scratch, folder);
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Manifest;
    // Not published (the staff console, until it is complete): nobody installs it from npm.
    if (manifest.private) continue;
    const pack = report.find((p) => p.name === manifest.name) ?? assert.fail(`npm pack did not pack ${manifest.name}`);
    packages.set(manifest.name, { manifest, dir, tarball: join(tarballs, pack.filename), files: new Set(pack.files.map((f) => f.path)) });
  }

  mkdirSync(consumer);
  const repositoryLock = JSON.parse(readFileSync(join(repoRoot, 'package-lock.json'), 'utf8')) as Lockfile;
  const project = consumerProject(repositoryLock, [...packages.values()].map((p) => ({ manifest: p.manifest, tarball: `../tarballs/${posix.basename(p.tarball)}` })));
  writeFileSync(join(consumer, 'package.json'), `${JSON.stringify(project.packageJson, null, 2)}\n`);
  writeFileSync(join(consumer, 'package-lock.json'), `${JSON.stringify(project.lockfile, null, 2)}\n`);
  await run('npm', ['ci', '--offline', '--no-audit', '--no-fund'], consumer);
  for (const fixture of ['read-space.ts', 'registrations.ts']) copyFileSync(new URL(`fixtures/${fixture}`, import.meta.url), join(consumer, fixture));
}, { timeout: 300_000 });

after(() => rmSync(scratch, { recursive: true, force: true }));

test('the build writes every file the manifests name: exports (but `source`), main, types and bin', () => {
  for (const { manifest, dir } of packages.values()) {
    const missing = namedFiles(manifest).filter((file) => !existsSync(join(dir, file)));
    assert.deepEqual(missing, [], `${manifest.name} names files the build did not write`);
  }
});

test('npm pack ships every file the manifests name, the sources the maps point to, and no tests', () => {
  for (const { manifest, files } of packages.values()) {
    assert.deepEqual(namedFiles(manifest).filter((file) => !files.has(file)), [], `${manifest.name}'s tarball lacks files its manifest names`);
    assert.deepEqual([...files].filter((file) => /(^|\/)(test|test-d)\/|\.test\.ts$/.test(file)), [], `${manifest.name} packs tests`);
  }
  for (const { manifest, dir, files } of packages.values()) {
    for (const map of [...files].filter((file) => file.endsWith('.map'))) {
      const { sources } = JSON.parse(readFileSync(join(dir, map), 'utf8')) as { sources: string[] };
      const missing = sources.map((source) => posix.join(posix.dirname(map), source)).filter((source) => !files.has(source));
      assert.deepEqual(missing, [], `${manifest.name}: ${map} points to sources the tarball lacks`);
    }
  }
});

test('the server\'s bin is JavaScript that exists before any build, and runs the built command once installed', () => {
  const server = packed('server');
  const bin = server.manifest.bin?.['coworking-commons'] ?? assert.fail('no coworking-commons bin');
  assert.match(fileOf(bin), /^bin\/.+\.js$/);
  assert.ok(existsSync(join(repoRoot, 'packages', 'server', fileOf(bin))), 'the bin is in the repository, so npm links it at install time');
  const text = readFileSync(join(server.dir, bin), 'utf8');
  assert.match(text, /^#!\/usr\/bin\/env node\n/);
  assert.match(text, /import\('\.\.\/dist\/cli\.js'\)/);
  // The bin runs the TypeScript source where this file exists, as in the repository.
  assert.ok(!server.files.has('tsconfig.build.json'), 'the package leaves out what tells the repository apart');
});

test('sideEffects names the define files only: importing a class entry registers nothing for a bundler', () => {
  assert.equal(packed('client').manifest.sideEffects, false);
  const elements = packed('elements').manifest;
  const globs = Array.isArray(elements.sideEffects) ? elements.sideEffects : assert.fail('the elements list their side effects');
  const patterns = globs.map(sideEffectsPattern);
  const withSideEffects = (target: string) => patterns.some((pattern) => pattern.test(fileOf(target)));
  for (const glob of globs) assert.match(glob, /(^|\/)define(-all)?\.(ts|js)$/, `${glob} is not a define file`);
  for (const condition of ['default', 'source']) {
    for (const [subpath, target] of entries(elements, condition)) {
      if (!/\.(js|ts)$/.test(target)) continue;
      const isDefine = isDefineEntry(subpath);
      assert.equal(withSideEffects(target), isDefine, `${subpath} (${condition}: ${target}) ${isDefine ? 'registers tags but is not listed in sideEffects' : 'is a class entry but sideEffects lists it'}`);
    }
  }
});

test('on plain Node, importing an installed class entry defines no element; its define entry defines it', async () => {
  const elements = packed('elements').manifest;
  const subpaths = [...entries(elements, 'default').entries()].filter(([, target]) => target.endsWith('.js')).map(([subpath]) => subpath);
  const specifier = (subpath: string) => posix.join('@coworking-commons/elements', subpath);
  // The index last: it imports every class, so a class entry that registers a tag is named first.
  const classEntries = subpaths.filter((s) => !isDefineEntry(s)).toSorted((a, b) => Number(a === '.') - Number(b === '.')).map(specifier);
  const defineEntries = subpaths.filter((s) => /\/define$/.test(s));
  assert.ok(classEntries.length >= 8 && defineEntries.length >= 7, 'the elements export their classes and their define entries');

  const { stdout } = await node(['registrations.ts', ...classEntries, ...defineEntries.map(specifier)]);
  const registered = JSON.parse(stdout) as Record<string, string[]>;
  for (const entry of classEntries) assert.deepEqual(registered[entry], [], `${entry} defined elements`);
  // A define entry may also define the elements its element embeds, so an earlier one may have defined it.
  const definedSoFar = new Set<string>();
  for (const subpath of defineEntries) {
    for (const tag of registered[specifier(subpath)] ?? []) definedSoFar.add(tag);
    assert.ok(definedSoFar.has(`cowork-${subpath.split('/')[1]}`), `${subpath} did not define its element`);
  }

  const all = JSON.parse((await node(['registrations.ts', '@coworking-commons/elements/define-all'])).stdout) as Record<string, string[]>;
  assert.deepEqual(all['@coworking-commons/elements/define-all']?.toSorted(), defineEntries.map((s) => `cowork-${s.split('/')[1]}`).toSorted());
});

test('the installed coworking-commons command runs on plain Node: --help, --version, migrate', async () => {
  const help = await run(installedBin, ['--help'], consumer);
  assert.match(help.stdout, /^Usage: coworking-commons <command>/);
  const version = await run(installedBin, ['--version'], consumer);
  assert.equal(version.stdout.trim(), packed('server').manifest.version);

  const database = join(scratch, 'migrate', 'cowork.sqlite');
  const migrate = await run(installedBin, ['migrate', '--database', database], consumer);
  assert.match(migrate.stdout, /Applied 001-initial/);
  assert.doesNotMatch(migrate.stderr, /Warning/, 'the shebang silences node:sqlite\'s experimental warning');
  assert.ok(existsSync(database));
});

test('the installed server serves the API, its spec and its reference; the installed client reads it from plain Node', { timeout: 60_000 }, async (t) => {
  const server = spawn(installedBin, ['serve', '--port', '0', '--demo', '--database', join(scratch, 'serve', 'cowork.sqlite'), '--log-level', 'warn'], { cwd: consumer, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<number | null>((resolve) => server.on('exit', (code) => resolve(code)));
  t.after(async () => {
    server.kill('SIGTERM');
    await exited;
  });
  let output = '';
  server.stderr.on('data', (chunk: Buffer) => (output += chunk));
  const url = await new Promise<string>((resolve, reject) => {
    server.stdout.on('data', (chunk: Buffer) => {
      output += chunk;
      const listening = /listening on (http:\/\/\S+)/.exec(output);
      if (listening) resolve(listening[1]!);
    });
    void exited.then((code) => reject(new Error(`the server stopped (${code}) before listening:\n${output}`)));
  });

  const { stdout } = await node(['read-space.ts', url, 'la-ruche']);
  assert.deepEqual(JSON.parse(stdout), { id: 'la-ruche', name: 'La Ruche' });

  const spec = await fetch(`${url}/openapi.json`);
  assert.equal(spec.status, 200);
  const bundled = JSON.parse(readFileSync(join(packed('spec').dir, 'openapi.json'), 'utf8')) as { info: { version: string } };
  assert.equal(((await spec.json()) as { info: { version: string } }).info.version, bundled.info.version);
  const reference = await fetch(`${url}/reference`);
  assert.equal(reference.status, 200, 'the installed spec package ships reference.html');
  assert.match(reference.headers.get('content-type') ?? '', /^text\/html/);
});

/** A project's own code, type-checked against the installed declarations. */
const consumerSource = `import { createClient, getSpace, type components, type CoworkResponse } from '@coworking-commons/client';
import { createRestClient } from '@coworking-commons/client/rest';
import { CoworkSpace } from '@coworking-commons/elements';
import { CoworkBooking } from '@coworking-commons/elements/booking';
import '@coworking-commons/elements/booking/define';

const client = createClient({ baseUrl: 'https://la-ruche.example/api' });
export const space: Promise<CoworkResponse<components['schemas']['Space']>> = getSpace(client, { path: { spaceId: 'la-ruche' } });
// @ts-expect-error the path parameter is required
export const missing = getSpace(client, { path: {} });
export const rest = createRestClient(client);

export const booking: CoworkBooking = document.createElement('cowork-booking');
export const element: HTMLElement = new CoworkBooking();
// @ts-expect-error importing the class declares no tag: only a define entry does
export const provider: CoworkSpace = document.createElement('cowork-space');
`;

test('TypeScript resolves the installed declarations without the source condition, and they type a consumer', async () => {
  writeFileSync(join(consumer, 'consumer.ts'), consumerSource);
  const tsconfig = {
    compilerOptions: { target: 'es2023', lib: ['es2023', 'dom', 'dom.iterable'], module: 'nodenext', moduleResolution: 'nodenext', strict: true, noEmit: true, skipLibCheck: false, types: [] },
    files: ['consumer.ts'],
  };
  writeFileSync(join(consumer, 'tsconfig.json'), JSON.stringify(tsconfig, null, 2));
  const { stdout } = await node([join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json', '--listFiles']);
  const read = stdout.split('\n').filter((line) => line.includes('/node_modules/@coworking-commons/'));
  for (const file of ['client/dist/index.d.ts', 'client/dist/rest.d.ts', 'elements/dist/index.d.ts', 'elements/dist/booking/booking.d.ts', 'elements/dist/booking/define.d.ts']) {
    assert.ok(read.some((line) => line.endsWith(`/node_modules/@coworking-commons/${file}`)), `TypeScript did not read ${file}`);
  }
  assert.deepEqual(read.filter((file) => !file.endsWith('.d.ts')), [], 'TypeScript read sources instead of declarations');
});
