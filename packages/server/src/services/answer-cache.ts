/**
 * Answers computed from the database, remembered while the database is unchanged (its
 * `dataVersion`, db/data-version.ts) and for at most `maxAge` milliseconds of the server's clock,
 * for what also depends on the time (lead times hide slots as the clock moves on). Requests asking
 * the same question at once share one computation.
 */
export class AnswerCache<T> {
  readonly #maxAge: number;
  readonly #maxEntries: number;
  readonly #entries = new Map<string, { version: string; at: number; answer: Promise<T> }>();

  constructor(options: { maxAge: number; maxEntries: number }) {
    this.#maxAge = options.maxAge;
    this.#maxEntries = options.maxEntries;
  }

  get(key: string, version: string | undefined, now: number, compute: () => Promise<T>): Promise<T> {
    if (version === undefined) return compute();
    const known = this.#entries.get(key);
    if (known && known.version === version && now - known.at >= 0 && now - known.at < this.#maxAge) return known.answer;
    const answer = compute();
    if (this.#entries.size >= this.#maxEntries) this.#entries.clear();
    const entry = { version, at: now, answer };
    this.#entries.set(key, entry);
    answer.catch(() => {
      if (this.#entries.get(key) === entry) this.#entries.delete(key);
    });
    return answer;
  }
}
