import { spawnSync } from 'node:child_process';
import { redoclyBin, redoclyConfig, repoRoot } from './paths.ts';

export interface RedoclyResult {
  ok: boolean;
  /** stdout and stderr together, for people. */
  output: string;
  stdout: string;
}

/** Runs Redocly CLI with the project's configuration. */
export function redocly(args: string[]): RedoclyResult {
  const result = spawnSync(redoclyBin, [...args, `--config=${redoclyConfig}`], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' },
  });
  return { ok: result.status === 0, output: `${result.stdout ?? ''}${result.stderr ?? ''}`, stdout: result.stdout ?? '' };
}
