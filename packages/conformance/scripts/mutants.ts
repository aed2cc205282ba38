// `npm run conformance:mutants`: the mutation run alone. Runs the suite against every mutant of
// the reference server (test/support/mutants.ts), prints a table — mutant, the check expected to
// catch it, caught or survived — and the kill rate; exits 1 if any mutant survives.
import { mutants, runMutant, type MutantOutcome } from '../test/support/mutants.ts';

const concurrency = Math.max(1, Number(process.env.MUTANTS_CONCURRENCY ?? 4));
const started = performance.now();
const outcomes: MutantOutcome[] = new Array(mutants.length);
let next = 0;
await Promise.all(
  Array.from({ length: Math.min(concurrency, mutants.length) }, async () => {
    while (next < mutants.length) {
      const index = next++;
      outcomes[index] = await runMutant(mutants[index]!);
    }
  }),
);
const seconds = (performance.now() - started) / 1000;

const rows = outcomes.map((outcome, index) => [
  String(index + 1),
  outcome.mutant.name,
  outcome.mutant.caughtBy,
  outcome.caught ? 'caught' : 'SURVIVED',
  outcome.caught ? '' : `failed: ${outcome.failed.join(', ') || 'none'}`,
]);
const header = ['#', 'mutant', 'expected check', 'result', ''];
const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
const line = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd();
console.log(line(header));
console.log(line(widths.map((width) => '-'.repeat(width))));
for (const row of rows) console.log(line(row));
const caught = outcomes.filter((outcome) => outcome.caught).length;
console.log(`\nkill rate: ${caught}/${outcomes.length} (${((100 * caught) / outcomes.length).toFixed(1)} %) in ${seconds.toFixed(1)} s`);
process.exitCode = caught === outcomes.length ? 0 : 1;
