/**
 * A small binary min-heap of numbers (free lane and column indices, or segment indices), each
 * ordered by its key (by default, itself).
 */
export class MinHeap {
  readonly #values: number[] = [];
  readonly #keys: number[] = [];

  get size(): number {
    return this.#values.length;
  }

  clear(): void {
    this.#values.length = this.#keys.length = 0;
  }

  push(value: number, key = value): void {
    const v = this.#values;
    const k = this.#keys;
    let i = v.length;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (k[parent]! <= key) break;
      v[i] = v[parent]!;
      k[i] = k[parent]!;
      i = parent;
    }
    v[i] = value;
    k[i] = key;
  }

  peek(): number | undefined {
    return this.#values[0];
  }

  pop(): number | undefined {
    const v = this.#values;
    const k = this.#keys;
    const top = v[0];
    const value = v.pop();
    const key = k.pop()!;
    const n = v.length;
    if (n > 0) {
      let i = 0;
      for (;;) {
        let c = 2 * i + 1;
        if (c >= n) break;
        if (c + 1 < n && k[c + 1]! < k[c]!) c++;
        if (k[c]! >= key) break;
        v[i] = v[c]!;
        k[i] = k[c]!;
        i = c;
      }
      v[i] = value!;
      k[i] = key;
    }
    return top;
  }
}
