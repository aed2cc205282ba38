import type { Scope } from '../domain/scopes.ts';
import { scopes } from '../domain/scopes.ts';
import type { Caller } from './caller.ts';
import { forbidden } from './problem.ts';

/**
 * The scope each operation open to staff needs, as the spec names it (`x-cowork-scope`). An
 * operation that takes a staff key without naming its scope is a mistake in the spec: the server
 * refuses to start rather than guess.
 */
export function operationScopes(spec: { paths: Record<string, any> }): Map<string, Scope> {
  const needed = new Map<string, Scope>();
  for (const item of Object.values(spec.paths)) {
    for (const operation of Object.values<any>(item)) {
      const security: Record<string, unknown>[] | undefined = operation?.security;
      if (!security?.some((alternative) => 'staffKey' in alternative)) continue;
      const scope = operation['x-cowork-scope'];
      if (!scopes.includes(scope)) throw new Error(`The operation ${operation.operationId} takes a staff key but names no known x-cowork-scope (${String(scope)}).`);
      needed.set(operation.operationId, scope);
    }
  }
  return needed;
}

/** Refuses (403) a staff caller that lacks `scope`; anyone else is left to the operation's security. */
export function requireScope(caller: Caller, scope: Scope, what = 'this operation'): void {
  if (caller.kind !== 'staff' || caller.scopes.includes(scope)) return;
  const holder = caller.actor.type === 'apiKey' ? 'This API key' : `A person whose role is ${caller.actor.role}`;
  throw forbidden(`${holder} lacks the "${scope}" scope that ${what} needs.`);
}
