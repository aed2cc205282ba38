import type { FastifyInstance } from 'fastify';
import type { ResponseSchemas } from './response-schemas.ts';

/**
 * Every item of a list answer is checked against the spec before it is serialized. Requests are
 * validated on the way in, so a stored row only stops matching the spec when something else put
 * it there (an older server, a hand edit, a narrower schema in a newer spec); such an item is
 * left out of the list and logged, instead of turning the list into a 500 for everyone.
 */
export function registerListIntegrity(app: FastifyInstance, schemas: ResponseSchemas): void {
  app.addHook('preSerialization', async (request, reply, payload) => {
    if (reply.statusCode !== 200) return payload;
    const operationId = (request.routeOptions.schema as { operationId?: string } | undefined)?.operationId;
    const validate = operationId === undefined ? undefined : schemas.listItem(operationId);
    const items = (payload as { items?: unknown } | null)?.items;
    if (!validate || !Array.isArray(items)) return payload;
    const valid = items.filter((item) => {
      if (validate(item)) return true;
      request.log.error({ operationId, id: (item as { id?: unknown })?.id, errors: validate.errors }, 'A stored object no longer matches the spec; it is left out of the list');
      return false;
    });
    return valid.length === items.length ? payload : { ...(payload as object), items: valid };
  });
}
