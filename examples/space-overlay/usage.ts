// Proves that Le Phare's extensions are typed in its generated client: compiled by
// `npm run typecheck`; every `@ts-expect-error` line must fail to compile.
import { expectTypeOf } from 'expect-type';
import { createClient } from '@coworking-commons/client';
import type { components, paths } from './generated/schema.ts';
import { getResource, phareListLockers } from './generated/operations.ts';

const client = createClient<paths>({ baseUrl: 'https://lephare.example/api' });

export async function lockers() {
  const { data } = await phareListLockers(client, { path: { spaceId: 'le-phare' }, query: { limit: 10 } });
  expectTypeOf(data.items).toEqualTypeOf<components['schemas']['PhareLocker'][]>();
  expectTypeOf(data.items[0]!.size).toEqualTypeOf<'small' | 'large'>();
  // @ts-expect-error the new endpoint's parameters are typed too
  await phareListLockers(client, { path: { spaceId: 'le-phare' }, query: { size: 'small' } });

  const byRoute = await client.request('GET /spaces/{spaceId}/x-phare/lockers', { path: { spaceId: 'le-phare' } });
  expectTypeOf(byRoute.data.items[0]!.free).toEqualTypeOf<boolean>();
}

export async function resourceField() {
  const { data: desk } = await getResource(client, { path: { spaceId: 'le-phare', resourceId: 'rs_desks' } });
  expectTypeOf(desk['x-phare-lockers']).toEqualTypeOf<components['schemas']['PhareLockerAllowance'] | undefined>();
  expectTypeOf(desk['x-phare-lockers']!.count).toEqualTypeOf<number>();
  // @ts-expect-error a misspelt field of the extension
  desk['x-phare-lockers']!.cuont;
}
