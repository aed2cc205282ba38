/** The JSON types a schema allows, whether `type` is a string or an array. */
export function schemaTypes(schema) {
  if (schema == null || typeof schema !== 'object') return [];
  if (Array.isArray(schema.type)) return schema.type;
  return schema.type ? [schema.type] : [];
}
