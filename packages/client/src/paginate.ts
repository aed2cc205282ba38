import type { CoworkClient } from './client.ts';
import type { CoworkResponse } from './types.ts';

interface Page<T> {
  items: T[];
  nextCursor?: string;
}

type ListOptions = { query?: { cursor?: string } & Record<string, unknown> } & Record<string, unknown>;

/**
 * Iterates over every item of a list operation, page after page:
 * `for await (const booking of paginate(listBookings, client, { path: { spaceId } })) …`
 */
export async function* paginate<T, O extends ListOptions>(
  list: (client: CoworkClient<any>, options: O) => Promise<CoworkResponse<Page<T>>>,
  client: CoworkClient<any>,
  options: O,
): AsyncGenerator<T, void, undefined> {
  let cursor: string | undefined;
  do {
    const query = cursor === undefined ? options.query : { ...options.query, cursor };
    const { data } = await list(client, { ...options, query });
    yield* data.items;
    cursor = data.nextCursor;
  } while (cursor !== undefined);
}
