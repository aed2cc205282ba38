/** Every item of a paginated listing (the client's `paginate`), as one array. */
export async function arrayOf<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}
