import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../deps.ts';
import { inRequestTransaction } from '../db/request-transaction.ts';
import type { Handlers } from '../handlers/types.ts';
import { checkAuditedOperations, withAudit } from './audited-writes.ts';
import { internalError } from './problem.ts';
import type { ResponseSchemas } from './response-schemas.ts';

/**
 * Operations that must keep what they wrote when they refuse: a wrong sign-in code still counts
 * against the code, or guessing it would cost nothing.
 */
const keepWritesWhenRefused = new Set(['createToken']);

/**
 * Runs every changing operation in one transaction with the check of its answer against the
 * spec, so that a request answered with an error, even one found while the answer is prepared,
 * leaves nothing written ("500 … nothing was changed" is true). A write with staff rights is
 * recorded in the audit log inside that transaction.
 */
export function transactional(handlers: Handlers, deps: Pick<Deps, 'store' | 'now'>, spec: { paths: Record<string, any> }, schemas: ResponseSchemas): Handlers {
  const changing = new Set<string>();
  const staffWrites: string[] = [];
  for (const item of Object.values(spec.paths)) {
    for (const [method, operation] of Object.entries<any>(item)) {
      if (!operation?.operationId || ['get', 'head', 'parameters'].includes(method)) continue;
      if (!keepWritesWhenRefused.has(operation.operationId)) changing.add(operation.operationId);
      if (operation.security?.some((alternative: object) => 'staffKey' in alternative)) staffWrites.push(operation.operationId);
    }
  }
  checkAuditedOperations(staffWrites);
  const wrapped: Record<string, unknown> = { ...handlers };
  for (const [operationId, handler] of Object.entries(handlers) as [string, (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>][]) {
    if (!changing.has(operationId)) continue;
    wrapped[operationId] = (request: FastifyRequest, reply: FastifyReply) =>
      inRequestTransaction(deps.store.db, async () => {
        const body = await withAudit(deps, operationId, request, reply, () => handler(request, reply));
        const validate = body === undefined ? undefined : schemas.body(operationId, reply.statusCode);
        if (validate && !validate(JSON.parse(JSON.stringify(body)))) {
          request.log.error({ operationId, status: reply.statusCode, errors: validate.errors }, 'The answer does not match the spec; the request is rolled back');
          throw internalError();
        }
        return body;
      });
  }
  return wrapped as Handlers;
}
