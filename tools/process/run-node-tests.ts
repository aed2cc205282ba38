// `npm run test:unit`: the node test files, each in its own process with report-held-exit.ts
// loaded, reported by the spec reporter (its list of failed tests comes last). What the files said
// of a hang is printed again at the very end, where the tail of a CI log shows it.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'cowork-test-diagnostics-'));
const diagnostics = join(dir, 'held.log');
const args = ['--conditions=source', '--import', new URL('./report-held-exit.ts', import.meta.url).pathname, '--test', '--test-reporter=spec', '--test-timeout=600000', ...process.argv.slice(2)];
const child = spawn(process.execPath, args, { stdio: 'inherit', env: { ...process.env, COWORK_TEST_DIAGNOSTICS: diagnostics } });
const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on('exit', (c, s) => resolve([c, s])));
let said = '';
try {
  said = readFileSync(diagnostics, 'utf8');
} catch {}
rmSync(dir, { recursive: true, force: true });
if (said) process.stdout.write(`\nWhat test files said of a hang:\n${said}`);
process.exitCode = code ?? (signal ? 1 : 0);
