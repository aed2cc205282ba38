import { schemaTypes } from './schema-types.js';

const extensionPattern = /^\^x-/;

/**
 * Objects reject unknown properties: `additionalProperties: false` (or `unevaluatedProperties:
 * false`), optionally with a `patternProperties` entry for `x-` extensions only. A map (an
 * `additionalProperties` schema) needs a maxProperties.
 */
export default function strictObjects() {
  return {
    Schema(schema, ctx) {
      if (!schemaTypes(schema).includes('object')) return;
      const extra = schema.additionalProperties;
      if (extra && typeof extra === 'object') {
        if (schema.maxProperties === undefined) {
          ctx.report({ message: 'Map schemas need a maxProperties.', location: ctx.location });
        }
        return;
      }
      if (extra !== false && schema.unevaluatedProperties !== false) {
        ctx.report({
          message: 'Object schemas must set additionalProperties: false (extensions go in patternProperties "^x-…").',
          location: ctx.location,
        });
      }
      for (const pattern of Object.keys(schema.patternProperties ?? {})) {
        if (!extensionPattern.test(pattern)) {
          ctx.report({
            message: `patternProperties may only admit x- extensions, not "${pattern}".`,
            location: ctx.location.child(['patternProperties', pattern]).key(),
          });
        }
      }
    },
  };
}
