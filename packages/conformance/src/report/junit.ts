// JUnit XML for CI systems: one test suite per feature, one test case per check.
import type { RunResult } from '../types.ts';

export function toJunit(run: RunResult): string {
  const features = [...new Set(run.results.map((result) => result.feature))];
  const suites = features.map((feature) => {
    const of = run.results.filter((result) => result.feature === feature);
    const cases = of.map((result) => {
      const body =
        result.status === 'fail'
          ? result.failures.map((failure) => `<failure message="${xml(failure.message)}">${xml([...failure.sent.map((sent) => `sent: ${sent}`), `expected: ${failure.expected}`, `got: ${failure.got}`].join('\n'))}</failure>`).join('')
          : result.status === 'pass'
            ? ''
            : `<skipped message="${xml(result.reason ?? result.status)}"/>`;
      return `    <testcase classname="${xml(feature)}" name="${xml(`${result.id}: ${result.title}`)}" time="${(result.durationMs / 1000).toFixed(3)}">${body}</testcase>`;
    });
    const failures = of.filter((result) => result.status === 'fail').length;
    const skipped = of.filter((result) => result.status === 'skipped' || result.status === 'not-claimed').length;
    const time = of.reduce((sum, result) => sum + result.durationMs, 0) / 1000;
    return `  <testsuite name="${xml(feature)}" tests="${of.length}" failures="${failures}" skipped="${skipped}" time="${time.toFixed(3)}">\n${cases.join('\n')}\n  </testsuite>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="coworking-commons-conformance" time="${(run.durationMs / 1000).toFixed(3)}">\n${suites.join('\n')}\n</testsuites>\n`;
}

function xml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
}
