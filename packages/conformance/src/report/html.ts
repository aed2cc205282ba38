// A small self-contained HTML report, with a badge a vendor can publish (`toBadge`).
import type { CheckResult, RunResult } from '../types.ts';

const escape = (text: string) => text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&#39;' })[c]!);

/** An SVG badge: "coworking commons | 0.2.0 conforms" (green) or "… | 3 failed" (red). */
export function toBadge(run: RunResult): string {
  const failed = run.results.filter((result) => result.status === 'fail').length;
  const label = 'coworking commons';
  const message = failed ? `${run.specVersion}: ${failed} failed` : `${run.specVersion} conforms`;
  const colour = failed ? '#c62828' : '#2e7d32';
  const width = (text: string) => 10 + text.length * 6.5;
  const left = width(label);
  const right = width(message);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${left + right}" height="20" role="img" aria-label="${escape(`${label}: ${message}`)}"><title>${escape(`${label}: ${message}`)}</title><rect width="${left}" height="20" fill="#555"/><rect x="${left}" width="${right}" height="20" fill="${colour}"/><g fill="#fff" font-family="Verdana,DejaVu Sans,sans-serif" font-size="11" text-anchor="middle"><text x="${left / 2}" y="14">${escape(label)}</text><text x="${left + right / 2}" y="14">${escape(message)}</text></g></svg>`;
}

const labels: Record<CheckResult['status'], string> = { pass: 'passed', fail: 'failed', 'not-claimed': 'not claimed', skipped: 'skipped' };

export function toHtml(run: RunResult): string {
  const rows = run.results.map((result) => {
    const details = result.failures
      .map((failure) => `<details><summary>${escape(failure.message)}</summary><pre>${escape([...failure.sent.map((sent) => `sent:     ${sent}`), `expected: ${failure.expected}`, `got:      ${failure.got}`].join('\n'))}</pre></details>`)
      .join('');
    return `<tr class="${result.status}"><td><code>${escape(result.id)}</code></td><td>${escape(result.feature)}</td><td>${labels[result.status]}${result.reason ? ` — ${escape(result.reason)}` : ''}</td><td>${escape(result.title)}${details}</td><td><code>${escape(result.specSection)}</code></td></tr>`;
  });
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Coworking Commons conformance: ${escape(run.apiUrl)}</title>
<style>
body { font: 16px/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 72rem; padding: 0 1rem; color: #1a1a1a; }
table { border-collapse: collapse; width: 100%; } th, td { border-bottom: 1px solid #ddd; padding: .4rem; text-align: left; vertical-align: top; }
tr.fail td:nth-child(3) { color: #b71c1c; font-weight: bold; } tr.pass td:nth-child(3) { color: #1b5e20; }
pre { white-space: pre-wrap; word-break: break-all; background: #f5f5f5; padding: .5rem; }
</style>
</head>
<body>
<h1>Coworking Commons conformance</h1>
<p>${toBadge(run)}</p>
<p>Server <code>${escape(run.apiUrl)}</code>, space <code>${escape(run.spaceId)}</code>, spec ${escape(run.specVersion)}. Claimed features: ${escape(run.claimedFeatures.join(', '))}. ${run.results.filter((r) => r.status === 'pass').length} passed, ${run.results.filter((r) => r.status === 'fail').length} failed, in ${(run.durationMs / 1000).toFixed(1)} s.</p>
<table>
<thead><tr><th scope="col">Check</th><th scope="col">Feature</th><th scope="col">Result</th><th scope="col">What it checks</th><th scope="col">Spec section</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
</body>
</html>
`;
}
