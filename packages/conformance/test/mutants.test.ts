// The mutation run (issue 15) as part of `npm test`: the reference server with one rule broken
// (test/support/mutants.ts). The suite must fail each mutant, with the check that names the
// fault, and every failure must say what it expected and what it got.
// `npm run conformance:mutants` runs the same mutants alone and prints the kill rate.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { mutants, runMutant } from './support/mutants.ts';

test('at least 30 mutants, each named once', () => {
  assert.ok(mutants.length >= 30, `${mutants.length} mutants`);
  const names = mutants.map((mutant) => mutant.name);
  assert.deepEqual(names.filter((name, index) => names.indexOf(name) !== index), []);
});

describe('mutants of the reference server (SQLite): the suite fails each, naming the fault', { concurrency: 4 }, () => {
  for (const mutant of mutants) {
    test(`${mutant.name} → ${mutant.caughtBy}`, async () => {
      const outcome = await runMutant(mutant);
      assert.equal(outcome.run.passed, false, 'the suite passed a faulty server');
      assert.ok(outcome.caught, `${mutant.caughtBy} should fail; failed: ${outcome.failed.join(', ') || 'none'}`);
      assert.deepEqual(outcome.unexplained, [], 'every failure says what it expected and got');
    });
  }
});
