/**
 * Whether the object the server has now differs from the one a form was opened with: how the
 * console detects a change saved meanwhile by someone else on a server that sends no versions
 * (spec 0.1.0). Keys are compared in any order.
 */
export function changedMeanwhile(base: unknown, current: unknown): boolean {
  return canonical(base) !== canonical(current);
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner) ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => a.localeCompare(b))) : inner,
  );
}
