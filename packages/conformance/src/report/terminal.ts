// The readable report: one line per check as it ends, then a summary per feature and the failures.
import type { CheckResult, RunResult } from '../types.ts';

const marks: Record<CheckResult['status'], string> = { pass: 'PASS', fail: 'FAIL', 'not-claimed': 'N/C ', skipped: 'SKIP' };

export function formatProgress(result: CheckResult): string {
  const detail = result.status === 'pass' || result.status === 'fail' ? `${result.durationMs} ms` : result.reason ?? '';
  return `${marks[result.status]} ${result.id.padEnd(28)} ${result.title}${detail ? ` (${detail})` : ''}`;
}

export function formatSummary(run: RunResult): string {
  const lines: string[] = ['', `Features (spec ${run.specVersion}, ${run.apiUrl}, space ${run.spaceId}):`];
  const features = [...new Set(run.results.map((result) => result.feature))];
  for (const feature of features) {
    const of = run.results.filter((result) => result.feature === feature);
    const count = (status: CheckResult['status']) => of.filter((result) => result.status === status).length;
    const state = count('not-claimed') === of.length ? 'not claimed' : count('fail') ? 'FAILED' : count('pass') ? 'passed' : 'not run';
    const parts = [`${count('pass')} passed`, count('fail') && `${count('fail')} failed`, count('skipped') && `${count('skipped')} skipped`, count('not-claimed') && `${count('not-claimed')} not claimed`].filter(Boolean);
    lines.push(`  ${feature.padEnd(18)} ${state.padEnd(12)} ${parts.join(', ')}`);
  }
  const unchecked = run.claimedFeatures.filter((feature) => !features.includes(feature));
  if (unchecked.length) lines.push(`  claimed, with no checks in this version of the suite yet: ${unchecked.join(', ')}`);
  const failed = run.results.filter((result) => result.status === 'fail');
  for (const result of failed) {
    lines.push('', `✗ ${result.id} — ${result.title} [${result.specSection}]`);
    for (const failure of result.failures.slice(0, 10)) {
      lines.push(`    ${failure.message}`);
      for (const sent of failure.sent.slice(0, 5)) lines.push(`      sent:     ${sent}`);
      lines.push(`      expected: ${failure.expected}`, `      got:      ${failure.got}`);
    }
    if (result.failures.length > 10) lines.push(`    … and ${result.failures.length - 10} more`);
  }
  const skipped = run.results.filter((result) => result.status === 'skipped').length;
  lines.push('', `${run.passed ? 'CONFORMS' : 'DOES NOT CONFORM'}: ${run.results.filter((r) => r.status === 'pass').length} passed, ${failed.length} failed${skipped ? `, ${skipped} skipped` : ''} in ${(run.durationMs / 1000).toFixed(1)} s`);
  return lines.join('\n');
}
