import { spaceOf } from '../http/request-context.ts';
import { listAuditEntries, toAuditEntry } from '../services/audit-log.ts';
import { decodeCursor, page } from '../services/pagination.ts';
import type { HandlerGroup } from './types.ts';

export const auditLogHandlers: HandlerGroup = (deps) => ({
  async listAuditLog(request) {
    const { space } = spaceOf(request);
    const { actorId, resourceType, resourceId, from, to, cursor } = request.query;
    const limit = request.query.limit ?? 20;
    const after = decodeCursor(cursor, ['number']);
    const filter = {
      ...(actorId === undefined ? {} : { actorId }),
      ...(resourceType === undefined ? {} : { resourceType }),
      ...(resourceId === undefined ? {} : { resourceId }),
      ...(from === undefined ? {} : { from: Date.parse(from) }),
      ...(to === undefined ? {} : { to: Date.parse(to) }),
    };
    const rows = await listAuditEntries(deps.store.db, space.id, filter, limit, after);
    return page(rows, limit, toAuditEntry, (row) => [Number(row.seq)]);
  },
});
