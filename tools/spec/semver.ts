/**
 * The spec's versions are plain `major.minor.patch` (no pre-release, no build metadata).
 * Breaking changes need a new major version, or, before 1.0.0, a new minor version.
 */

export interface Version {
  major: number;
  minor: number;
  patch: number;
}

const VERSION = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;

export function isVersion(text: string): boolean {
  return VERSION.test(text);
}

export function parseVersion(text: string): Version {
  const match = VERSION.exec(text);
  if (match === null) throw new Error(`"${text}" is not a version of the form major.minor.patch`);
  return { major: Number(match[1]), minor: Number(match[2]), patch: Number(match[3]) };
}

/** Negative when `a` comes before `b`, zero when equal, positive after: usable by `Array#sort`. */
export function compareVersions(a: string, b: string): number {
  const left = parseVersion(a);
  const right = parseVersion(b);
  return left.major - right.major || left.minor - right.minor || left.patch - right.patch;
}

/** The highest of `versions` by semver order (so 0.10.0 after 0.9.0), or undefined when empty. */
export function newestVersion(versions: readonly string[]): string | undefined {
  return [...versions].sort(compareVersions).at(-1);
}

/** Whether going from `previousVersion` to `nextVersion` allows breaking changes. */
export function isBreakingChangeAllowed(previousVersion: string, nextVersion: string): boolean {
  const previous = parseVersion(previousVersion);
  const next = parseVersion(nextVersion);
  if (next.major !== previous.major) return next.major > previous.major;
  return previous.major === 0 && next.minor > previous.minor;
}
