// `coworking-commons-conformance <api-url> --space <id> [--staff-key K] [--member-tokens A,B] [--json] [--junit FILE] [--html FILE] [--badge FILE] [--only ids] [--burst N] [--rate-limit-tries N]`
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { checks } from './registry.ts';
import { toBadge, toHtml } from './report/html.ts';
import { toJunit } from './report/junit.ts';
import { formatProgress, formatSummary } from './report/terminal.ts';
import { runConformance } from './run.ts';

const usage = `Usage: coworking-commons-conformance <api-url> --space <id> [options]

Checks over HTTP that the server at <api-url> implements the Coworking Commons API.

Options:
  --space <id>         the space to check (required)
  --staff-key <key>    a staff API key of the space: also run the checks that create fixtures
                       (named conformance-…, removed afterwards)
  --member-tokens <a,b>
                       the tokens of two different members of the space (each from a sign-in:
                       requestSignInCode, then createToken with the mailed code): also run the
                       checks that one member cannot reach another's bookings
  --json               print the results as JSON instead of the report
  --junit <file>       also write the results as JUnit XML
  --html <file>        also write a small HTML report (with a badge to publish)
  --badge <file>       also write the badge alone, as SVG
  --only <ids>         only these checks, comma-separated (see --list)
  --burst <n>          concurrent requests of the burst checks (default 20)
  --rate-limit-tries <n>
                       requests the rate-limit checks send at most, waiting for a 429 (default 20)
  --list               list the checks and exit
  --help               this help

Exit code: 0 when every check of every claimed feature passes, 1 otherwise, 2 on a usage error.`;

function usageError(message: string): never {
  process.stderr.write(`coworking-commons-conformance: ${message}\n\n${usage}\n`);
  process.exit(2);
}

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      space: { type: 'string' },
      'staff-key': { type: 'string' },
      'member-tokens': { type: 'string' },
      json: { type: 'boolean' },
      junit: { type: 'string' },
      html: { type: 'string' },
      badge: { type: 'string' },
      only: { type: 'string' },
      burst: { type: 'string' },
      'rate-limit-tries': { type: 'string' },
      list: { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
} catch (error) {
  usageError(error instanceof Error ? error.message : String(error));
}
const { values, positionals } = parsed;
if (values.help) {
  process.stdout.write(`${usage}\n`);
  process.exit(0);
}
if (values.list) {
  for (const check of checks) process.stdout.write(`${check.id.padEnd(28)} ${check.feature.padEnd(16)} ${check.title}\n`);
  process.exit(0);
}
if (positionals.length !== 1) usageError(positionals.length ? `one <api-url> expected, got ${positionals.length}` : 'the <api-url> is missing');
let apiUrl: URL;
try {
  apiUrl = new URL(positionals[0]!);
  if (!/^https?:$/.test(apiUrl.protocol)) throw new Error();
} catch {
  usageError(`"${positionals[0]}" is not an http(s) URL`);
}
if (!values.space) usageError('--space <id> is required');
const only = values.only?.split(',').map((id) => id.trim()).filter(Boolean);
const unknown = (only ?? []).filter((id) => !checks.some((check) => check.id === id));
if (unknown.length) usageError(`unknown check id(s) in --only: ${unknown.join(', ')} (see --list)`);
const burst = values.burst === undefined ? 20 : Number(values.burst);
if (!Number.isInteger(burst) || burst < 2 || burst > 500) usageError('--burst must be an integer from 2 to 500');
const rateLimitTries = values['rate-limit-tries'] === undefined ? 20 : Number(values['rate-limit-tries']);
if (!Number.isInteger(rateLimitTries) || rateLimitTries < 1 || rateLimitTries > 1000) usageError('--rate-limit-tries must be an integer from 1 to 1000');
const memberTokens = values['member-tokens']?.split(',').map((token) => token.trim());
if (memberTokens && (memberTokens.length !== 2 || memberTokens.some((token) => !token) || memberTokens[0] === memberTokens[1])) usageError('--member-tokens takes the tokens of two different members, comma-separated');

try {
  const run = await runConformance({
    apiUrl: apiUrl.toString(),
    spaceId: values.space,
    staffKey: values['staff-key'],
    memberTokens: memberTokens as [string, string] | undefined,
    only,
    burst,
    rateLimitTries,
    onResult: values.json ? undefined : (result) => process.stdout.write(`${formatProgress(result)}\n`),
  });
  process.stdout.write(values.json ? `${JSON.stringify(run, null, 2)}\n` : `${formatSummary(run)}\n`);
  if (values.junit) writeFileSync(values.junit, toJunit(run));
  if (values.html) writeFileSync(values.html, toHtml(run));
  if (values.badge) writeFileSync(values.badge, toBadge(run));
  process.exitCode = run.passed ? 0 : 1;
} catch (error) {
  process.stderr.write(`coworking-commons-conformance: the run stopped: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
