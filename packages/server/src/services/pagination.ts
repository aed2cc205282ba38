import { validationError } from '../http/problem.ts';

/**
 * Keyset pagination: a cursor is the sort key of the last item returned, opaque to clients
 * (base64url JSON). Stable under inserts, unlike offsets.
 */
export function encodeCursor(position: unknown[]): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined, length: number): unknown[] | undefined {
  if (cursor === undefined) return undefined;
  try {
    const position = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(position) && position.length === length) return position;
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
