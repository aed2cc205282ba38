// A lockfile for a project that installs the packed tarballs, pinning every other package to the
// version the repository's package-lock.json holds. With it, `npm ci --offline` installs from the
// npm cache that installing the repository filled, where a plain `npm install` would pick the
// newest version a cached packument lists, whose tarball may never have been downloaded.

interface LockEntry {
  version?: string;
  resolved?: string;
  link?: boolean;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  [field: string]: unknown;
}

export interface Lockfile {
  name: string;
  lockfileVersion: 3;
  requires: true;
  packages: Record<string, LockEntry>;
}

export interface PackedPackage {
  /** The package.json inside the tarball. */
  manifest: { name: string; version: string; dependencies?: Record<string, string>; bin?: Record<string, string>; engines?: Record<string, string>; license?: string };
  /** The tarball's path relative to the consuming project. */
  tarball: string;
}

/** The consuming project: its package.json, depending on every tarball, and its lockfile. */
export function consumerProject(repositoryLock: Lockfile, packed: PackedPackage[], name = 'consumer') {
  const dependencies = Object.fromEntries(packed.map((p) => [p.manifest.name, `file:${p.tarball}`]));
  const packages: Record<string, LockEntry> = { '': { name, dependencies } };
  const queue: string[] = [];
  for (const { manifest, tarball } of packed) {
    const key = `node_modules/${manifest.name}`;
    const { version, dependencies: deps, bin, engines, license } = manifest;
    packages[key] = { version, resolved: `file:${tarball}`, license, dependencies: deps, bin, engines };
    queue.push(key);
  }

  const repository = repositoryLock.packages;
  /**
   * The repository's entry of what a package's dependency resolves to, at `key` in the consumer:
   * a workspace's own node_modules (a version the repository does not hoist) sit under the
   * workspace's folder there, and under the package here.
   */
  const lockedAt = (key: string): LockEntry | undefined => {
    const nested = /^node_modules\/((?:@[^/]+\/)?[^/]+)\/node_modules\/(.+)$/.exec(key);
    const workspace = nested && repository[`node_modules/${nested[1]}`];
    return repository[key] ?? (workspace?.link && typeof workspace.resolved === 'string' ? repository[`${workspace.resolved}/node_modules/${nested![2]}`] : undefined);
  };
  /** Where Node finds `dependency` from the package at `from`: its own node_modules, then its ancestors'. */
  const locate = (from: string, dependency: string): string => {
    for (let base = from; ; ) {
      const key = `${base}/node_modules/${dependency}`;
      if (packages[key] ?? lockedAt(key)) return key;
      const parent = base.lastIndexOf('/node_modules/');
      if (parent < 0) return `node_modules/${dependency}`;
      base = base.slice(0, parent);
    }
  };

  for (let key = queue.shift(); key !== undefined; key = queue.shift()) {
    const entry = packages[key]!;
    const required = [
      ...Object.keys(entry.dependencies ?? {}),
      ...Object.keys(entry.peerDependencies ?? {}).filter((peer) => !entry.peerDependenciesMeta?.[peer]?.optional),
    ];
    const optional = Object.keys(entry.optionalDependencies ?? {});
    for (const dependency of [...required, ...optional]) {
      const target = locate(key, dependency);
      if (packages[target]) continue;
      const locked = lockedAt(target);
      if (!locked || locked.link) {
        if (optional.includes(dependency)) continue;
        throw new Error(`${key.replace(/^.*node_modules\//, '')} depends on ${dependency}, which package-lock.json does not hold: run npm install.`);
      }
      const { dev: _dev, devOptional: _devOptional, peer: _peer, ...copy } = locked;
      packages[target] = copy;
      queue.push(target);
    }
  }

  const lockfile: Lockfile = { name, lockfileVersion: 3, requires: true, packages };
  return { packageJson: { name, private: true, type: 'module', dependencies }, lockfile };
}
