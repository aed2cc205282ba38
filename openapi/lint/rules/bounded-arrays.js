import { schemaTypes } from './schema-types.js';

/** Every array has a maxItems. */
export default function boundedArrays() {
  return {
    Schema(schema, ctx) {
      if (!schemaTypes(schema).includes('array')) return;
      if (schema.maxItems !== undefined) return;
      ctx.report({ message: 'Array schemas need a maxItems.', location: ctx.location });
    },
  };
}
