import { schemaTypes } from './schema-types.js';

/** Every string has a bound: a maxLength, an enum or a const. */
export default function boundedStrings() {
  return {
    Schema(schema, ctx) {
      if (!schemaTypes(schema).includes('string')) return;
      if (schema.maxLength !== undefined || schema.enum || schema.const !== undefined) return;
      ctx.report({ message: 'String schemas need a maxLength, an enum or a const.', location: ctx.location });
    },
  };
}
