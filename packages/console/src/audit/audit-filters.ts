import type { components } from '@coworking-commons/client';
import { instantOf } from '@coworking-commons/elements';

type AuditResourceType = components['schemas']['AuditResourceType'];

/** The filters as the form holds them: ids and days (`YYYY-MM-DD` in the space's zone), empty for none. */
export interface AuditFilters {
  actorId: string;
  resourceType: string;
  from: string;
  to: string;
}

export const noFilters: AuditFilters = { actorId: '', resourceType: '', from: '', to: '' };

const day = /^\d{4}-\d{2}-\d{2}$/;

/** What is wrong with the days: each must be a date, and the last not before the first. */
export function checkFilters(f: AuditFilters): Partial<Record<'from' | 'to', 'invalidDate' | 'toBeforeFrom'>> {
  const problems: Partial<Record<'from' | 'to', 'invalidDate' | 'toBeforeFrom'>> = {};
  if (f.from && !day.test(f.from)) problems.from = 'invalidDate';
  if (f.to && !day.test(f.to)) problems.to = 'invalidDate';
  else if (f.from && f.to && !problems.from && f.to < f.from) problems.to = 'toBeforeFrom';
  return problems;
}

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** listAuditLog's query for the filters: the days from the start of the first to the end of the last, in the space's zone. */
export function auditQuery(f: AuditFilters, timeZone: string): { actorId?: string; resourceType?: AuditResourceType; from?: string; to?: string } {
  return {
    ...(f.actorId ? { actorId: f.actorId } : {}),
    ...(f.resourceType ? { resourceType: f.resourceType as AuditResourceType } : {}),
    ...(f.from ? { from: instantOf(f.from, '00:00', timeZone).toISOString() } : {}),
    ...(f.to ? { to: instantOf(nextDay(f.to), '00:00', timeZone).toISOString() } : {}),
  };
}
