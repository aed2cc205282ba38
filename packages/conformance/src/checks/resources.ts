import type { Check } from '../context.ts';
import { describeResponse, expect, expectStatus } from '../failure.ts';
import type { Exchange } from '../types.ts';

export const listResources: Check = {
  id: 'resources.list',
  title: 'The resources are listed without credentials',
  feature: 'core',
  specSection: 'listResources',
  async run(context) {
    const answer = await context.http.request('GET', `/spaces/${encodeURIComponent(context.spaceId)}/resources`);
    expectStatus(answer, 200, 'listResources without credentials must answer the list');
    expect(Array.isArray(answer.json?.items), 'listResources must answer {items, nextCursor}', 'an items array', describeResponse(answer), [answer]);
  },
};

export const resourcesPagination: Check = {
  id: 'resources.pagination',
  title: 'Walking listResources with limit=1 neither skips nor repeats compared to one big page',
  feature: 'core',
  specSection: '/info/description',
  async run(context) {
    const path = `/spaces/${encodeURIComponent(context.spaceId)}/resources`;
    const all = await context.http.request('GET', path, { query: { limit: 100 } });
    expectStatus(all, 200, 'listResources?limit=100');
    const expected: string[] = (all.json?.items ?? []).map((item: any) => item.id);
    const seen: string[] = [];
    const pages: Exchange[] = [];
    let cursor: string | undefined;
    do {
      const page = await context.http.request('GET', path, { query: { limit: 1, cursor } });
      pages.push(page);
      expectStatus(page, 200, 'listResources?limit=1 with the previous page\'s nextCursor');
      const items: any[] = page.json?.items ?? [];
      expect(items.length <= 1, 'a page must hold at most `limit` items', 'at most 1 item', `${items.length} items`, [page]);
      seen.push(...items.map((item) => item.id));
      cursor = page.json?.nextCursor ?? undefined;
      expect(pages.length <= expected.length + 1, 'walking the pages must end', `at most ${expected.length + 1} pages`, `more (ids so far: ${seen.join(', ')})`, pages.slice(-3));
    } while (cursor);
    const repeated = seen.filter((id, index) => seen.indexOf(id) !== index);
    expect(repeated.length === 0, 'no item may appear on two pages', 'no repeated ids', `repeated: ${repeated.join(', ')}`, pages);
    expect(JSON.stringify(seen) === JSON.stringify(expected), 'the pages together must hold the same items, in the same order, as one big page', expected.join(', '), seen.join(', '), [all, ...pages]);
  },
};

export const createResource: Check = {
  id: 'resources.create',
  title: 'Staff create a resource with an offer; reading it back answers the offer',
  feature: 'core',
  specSection: 'createResource',
  needsStaffKey: true,
  async run(context) {
    const resource = await context.fixtures.resource();
    expect(resource?.offers?.length === 1 && resource.offers[0].audience === 'guest', 'the created resource must carry its offer', 'one guest offer', JSON.stringify(resource?.offers));
    const answer = await context.http.request('GET', `/spaces/${encodeURIComponent(context.spaceId)}/resources/${encodeURIComponent(resource.id)}`);
    expectStatus(answer, 200, 'getResource of the created resource');
    expect(answer.json?.offers?.[0]?.price?.amount === 1200, 'getResource must answer the offer as created', 'price.amount 1200', describeResponse(answer), [answer]);
  },
};

export const paginationWhileAdding: Check = {
  id: 'resources.pagination-while-adding',
  title: 'Walking listResources with limit=1 while a resource is added neither skips nor repeats the others',
  feature: 'core',
  specSection: '/info/description',
  needsStaffKey: true,
  async run(context) {
    await context.fixtures.resource();
    const path = `/spaces/${encodeURIComponent(context.spaceId)}/resources`;
    const all = await context.http.request('GET', path, { query: { limit: 100 } });
    expectStatus(all, 200, 'listResources?limit=100');
    const expected: string[] = (all.json?.items ?? []).map((item: any) => item.id);
    const seen: string[] = [];
    const pages: Exchange[] = [];
    let cursor: string | undefined;
    let added: any;
    do {
      const page = await context.http.request('GET', path, { query: { limit: 1, cursor } });
      pages.push(page);
      expectStatus(page, 200, "listResources?limit=1 with the previous page's nextCursor");
      seen.push(...(page.json?.items ?? []).map((item: any) => item.id));
      cursor = page.json?.nextCursor ?? undefined;
      if (pages.length === 2) added = await context.fixtures.resource('extra');
      expect(pages.length <= expected.length + 2, 'walking the pages must end', `at most ${expected.length + 2} pages`, `more (ids so far: ${seen.join(', ')})`, pages.slice(-3));
    } while (cursor);
    const repeated = seen.filter((id, index) => seen.indexOf(id) !== index);
    expect(repeated.length === 0, 'no item may appear on two pages, even while items are added', 'no repeated ids', `repeated: ${repeated.join(', ')}`, pages);
    const skipped = expected.filter((id) => !seen.includes(id));
    expect(skipped.length === 0, 'every item there before the walk must be on a page, even while items are added', expected.join(', '), `skipped: ${skipped.join(', ')} (added ${added?.id} during the walk)`, [all, ...pages]);
  },
};
