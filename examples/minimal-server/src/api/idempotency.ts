// Idempotency-Key: the same key and body answer the first response; another body is refused.
import type { Answer, Call } from '../call.ts';
import { Problem } from '../problem.ts';

const keptMs = 24 * 3_600_000;

/** JSON with the object keys sorted, so that the same body always compares equal. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') return `{${Object.keys(value).toSorted().map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`).join(',')}}`;
  return JSON.stringify(value);
}

/** Runs `operation` once per key: its answer, problem documents included, is replayed after. */
export function idempotent(call: Call, key: string, body: unknown, operation: () => Answer): Answer {
  const store = call.store.idempotency;
  const fingerprint = canonical(body);
  const known = store.get(key);
  if (known && call.now - known.at < keptMs) {
    if (known.fingerprint !== fingerprint) throw new Problem(422, 'idempotency-key-reused', 'This Idempotency-Key was used with a different request.');
    return { status: known.status, headers: known.headers, body: JSON.parse(known.body) };
  }
  let answer: Answer;
  try {
    answer = operation();
  } catch (error) {
    if (!(error instanceof Problem)) throw error;
    answer = { status: error.status, headers: { ...error.headers, 'content-type': 'application/problem+json' }, body: error.body(call.path) };
  }
  for (const [stored, entry] of store) {
    if (call.now - entry.at < keptMs) break;
    store.delete(stored);
  }
  store.delete(key);
  store.set(key, { fingerprint, at: call.now, status: answer.status, headers: answer.headers ?? {}, body: JSON.stringify(answer.body) });
  return answer;
}
