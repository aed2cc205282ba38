import { validationError } from '../http/problem.ts';

/**
 * Keyset pagination: a cursor is the sort key of the last item returned, opaque to clients
 * (base64url JSON). Stable under inserts, unlike offsets.
 */
export function encodeCursor(position: unknown[]): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

type Kind = 'number' | 'string';
type Position<K extends readonly Kind[]> = { -readonly [I in keyof K]: K[I] extends 'number' ? number : string };

/**
 * The position a cursor holds, checked against its shape (`['number', 'string']`: a number then a
 * string); a cursor this server did not give is a validation problem.
 */
export function decodeCursor<const K extends readonly Kind[]>(cursor: string | undefined, kinds: K): Position<K> | undefined {
  if (cursor === undefined) return undefined;
  try {
    const position: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(position) && position.length === kinds.length && kinds.every((kind, i) => typeof position[i] === kind)) return position as Position<K>;
  } catch {
    // falls through to the problem below
  }
  throw validationError([{ pointer: '/query/cursor', detail: 'is not a cursor this server gave' }]);
}

/** Takes `limit` items of `limit + 1` fetched, and the cursor of the next page when there is one. */
export function page<Row, Item>(rows: Row[], limit: number, toItem: (row: Row) => Item, keyOf: (row: Row) => unknown[]): { items: Item[]; nextCursor?: string } {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return rows.length > limit && last !== undefined ? { items: items.map(toItem), nextCursor: encodeCursor(keyOf(last)) } : { items: items.map(toItem) };
}
