import type { Context } from '../context.ts';
import { CheckSkipped, describeResponse, expect, expectStatus } from '../failure.ts';

/**
 * A resource whose availability anyone may read: the first of the space's first page that guests
 * may book (a members-only one may be hidden from callers without credentials).
 */
export async function publicResource(context: Context): Promise<{ id: string }> {
  const list = await context.http.request('GET', `/spaces/${encodeURIComponent(context.spaceId)}/resources`, { query: { limit: 100 } });
  expectStatus(list, 200, 'listResources?limit=100 (to pick a resource guests may book)');
  const items: any[] = list.json?.items ?? [];
  expect(items.length > 0, 'the space must have a resource to ask the availability of', 'one resource at least', describeResponse(list), [list]);
  const resource = items.find((item) => Array.isArray(item.bookableBy) && item.bookableBy.includes('guest'));
  if (!resource) throw new CheckSkipped('no resource of the first page is bookable by guests');
  return resource;
}
