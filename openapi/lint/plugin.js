// Project rules for Redocly CLI, on top of its recommended set: see redocly.yaml.
import boundedStrings from './rules/bounded-strings.js';
import boundedArrays from './rules/bounded-arrays.js';
import strictObjects from './rules/strict-objects.js';
import operationExamples from './rules/operation-examples.js';
import expectedProblems from './rules/expected-problems.js';

export default function coworkingCommonsPlugin() {
  return {
    id: 'cowork',
    rules: {
      oas3: {
        'bounded-strings': boundedStrings,
        'bounded-arrays': boundedArrays,
        'strict-objects': strictObjects,
        'operation-examples': operationExamples,
        'expected-problems': expectedProblems,
      },
    },
  };
}
