// The `coworking-commons` command as a child process, the way people run it.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const cli = fileURLToPath(new URL('../../src/cli.ts', import.meta.url));
const configVariables = ['DATABASE_URL', 'PORT', 'HOST', 'PUBLIC_URL', 'SMTP_URL', 'MAIL_FROM', 'CODE_SECRET', 'BODY_LIMIT', 'TRUST_PROXY', 'LOG_LEVEL', 'LOG_FORMAT', 'ALLOWED_ORIGINS', 'NODE_ENV'];

/** The environment of a child: this one without any of the server's settings, plus `extra`. */
export function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of configVariables) delete env[name];
  return { ...env, ...extra };
}

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the command to its end. `direct` runs the file itself (its shebang), as an installed bin would be. */
export function runCli(args: string[], options: { env?: Record<string, string>; direct?: boolean } = {}): Promise<Run> {
  const [file, argv] = options.direct ? [cli, args] : [process.execPath, ['--disable-warning=ExperimentalWarning', cli, ...args]];
  const child = spawn(file, argv, { env: childEnv(options.env) });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
