/**
 * Checks the bundled spec against the newest release snapshot.
 *
 *   node tools/spec/check-breaking.ts [--spec packages/spec/openapi.json] [--releases openapi/releases]
 *   node tools/spec/check-breaking.ts --snapshot   (when releasing: runs the check, then writes
 *                                                   openapi/releases/<info.version>.json)
 *
 * Fails (exit 1) when the spec's version is lower than the newest snapshot's, or when it has
 * breaking changes that its version bump does not allow (a new major version, or a new minor one
 * before 1.0.0). Exit 2 on a usage or input error. Default paths are relative to the repository;
 * paths given on the command line are relative to the working directory.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual, parseArgs } from 'node:util';
import { findBreakingChanges } from './breaking-changes.ts';
import type { BreakingChange, OpenApiDocument } from './breaking-changes.ts';
import { bundledJson, repoRoot } from './paths.ts';
import { compareVersions, isBreakingChangeAllowed, isVersion, newestVersion } from './semver.ts';

const USAGE = 'usage: node tools/spec/check-breaking.ts [--spec <bundled openapi.json>] [--releases <directory>] [--snapshot]';

interface Options {
  spec: string;
  releases: string;
  snapshot: boolean;
}

function readOptions(args: string[]): Options {
  try {
    const { values } = parseArgs({
      args,
      options: {
        spec: { type: 'string' },
        releases: { type: 'string' },
        snapshot: { type: 'boolean', default: false },
      },
      strict: true,
      allowPositionals: false,
    });
    return {
      spec: values.spec === undefined ? bundledJson : path.resolve(values.spec),
      releases: values.releases === undefined ? path.join(repoRoot, 'openapi/releases') : path.resolve(values.releases),
      snapshot: values.snapshot === true,
    };
  } catch (error) {
    throw new Error(`${(error as Error).message}\n${USAGE}`);
  }
}

function shortPath(file: string): string {
  return path.relative(process.cwd(), file) || '.';
}

function readDocument(file: string): OpenApiDocument {
  let document: unknown;
  try {
    document = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`cannot read ${shortPath(file)}: ${(error as Error).message}`);
  }
  const version = (document as { info?: { version?: unknown } } | null)?.info?.version;
  if (typeof version !== 'string' || !isVersion(version)) {
    throw new Error(`${shortPath(file)}: info.version must be a version of the form major.minor.patch, not ${JSON.stringify(version)}`);
  }
  return document as OpenApiDocument;
}

/** The versions snapshotted in `directory` (files named `<major>.<minor>.<patch>.json`). */
function releasedVersions(directory: string): string[] {
  if (!existsSync(directory)) return [];
  return readdirSync(directory)
    .filter((name) => name.endsWith('.json'))
    .map((name) => name.slice(0, -'.json'.length))
    .filter(isVersion);
}

function snapshotFile(directory: string, version: string): string {
  return path.join(directory, `${version}.json`);
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function printChanges(changes: BreakingChange[]): void {
  for (const change of changes) {
    console.error(`  ${change.code}  ${change.location}\n      ${change.message}`);
  }
}

/** What a bump allowed, one line per kind of change: how many, and the first of them. */
function printSummary(changes: BreakingChange[]): void {
  const kinds = new Map<string, BreakingChange[]>();
  for (const change of changes) kinds.set(change.code, [...(kinds.get(change.code) ?? []), change]);
  for (const [code, ofKind] of kinds) {
    const [first] = ofKind;
    console.log(`  ${code}: ${ofKind.length}, such as ${first!.location}: ${first!.message}`);
  }
}

/** Compares the spec with the newest snapshot and prints the outcome; true when it passes. */
function check(spec: OpenApiDocument, releases: string): boolean {
  const released = newestVersion(releasedVersions(releases));
  const version = spec.info.version;
  if (released === undefined) {
    console.log(`no release snapshot in ${shortPath(releases)}: nothing to compare ${version} against`);
    return true;
  }
  if (compareVersions(version, released) < 0) {
    console.error(`the spec's version ${version} is lower than the latest release ${released}`);
    return false;
  }
  const changes = findBreakingChanges(readDocument(snapshotFile(releases, released)), spec);
  if (changes.length === 0) {
    console.log(`no breaking change against ${released}`);
    return true;
  }
  if (isBreakingChangeAllowed(released, version)) {
    console.log(`${plural(changes.length, 'breaking change')} allowed by the bump ${released} → ${version}:`);
    printSummary(changes);
    return true;
  }
  console.error(`${plural(changes.length, 'breaking change')} against ${released}, which ${version} does not allow (bump the major version, or the minor one before 1.0.0):`);
  printChanges(changes);
  return false;
}

/** Writes the spec as the snapshot of its version; false when a different snapshot is already there. */
function writeSnapshot(spec: OpenApiDocument, releases: string): boolean {
  const file = snapshotFile(releases, spec.info.version);
  if (existsSync(file)) {
    if (isDeepStrictEqual(readDocument(file), spec)) {
      console.log(`${shortPath(file)} is already this spec`);
      return true;
    }
    console.error(`${shortPath(file)} already exists and differs from the spec: bump info.version instead of rewriting a release`);
    return false;
  }
  mkdirSync(releases, { recursive: true });
  writeFileSync(file, `${JSON.stringify(spec, null, 2)}\n`);
  console.log(`wrote ${shortPath(file)}`);
  return true;
}

function main(args: string[]): number {
  try {
    const options = readOptions(args);
    const spec = readDocument(options.spec);
    if (!check(spec, options.releases)) return 1;
    if (options.snapshot && !writeSnapshot(spec, options.releases)) return 1;
    return 0;
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return 2;
  }
}

process.exitCode = main(process.argv.slice(2));
