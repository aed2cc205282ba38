// Module hooks for running the server from the repository's TypeScript source: workspace
// packages resolve through their `source` export condition, as `node --conditions=source` does.
export async function resolve(specifier, context, nextResolve) {
  return nextResolve(specifier, context.conditions.includes('source') ? context : { ...context, conditions: [...context.conditions, 'source'] });
}
