// The balance of a credit ledger (the spec's `CreditLedger`): entries are replayed in the order
// they took effect; a debit consumes the unexpired credits that expire first, what they do not
// cover is lent by the overdraft and paid back by the next credits added, and a reversal gives
// back to each entry what its debit took from it.

export interface LedgerEntry {
  id: string;
  /** The order of writing, for entries of the same instant. */
  seq: number;
  kind: 'grant' | 'adjustment' | 'debit' | 'reversal';
  amount: number;
  /** Epoch ms; null: never expires. */
  expiresAt: number | null;
  createdAt: number;
  /** For a reversal, the debit it gives back. */
  reverses: string | null;
}

interface Lot {
  id: string;
  remaining: number;
  expiresAt: number | null;
  createdAt: number;
}

const alive = (lot: Lot, at: number) => lot.expiresAt === null || lot.expiresAt > at;

/** The order entries take effect in: by time, then as written. */
export function byEffect(a: LedgerEntry, b: LedgerEntry): number {
  return a.createdAt - b.createdAt || a.seq - b.seq || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The balance at `at` of the entries that took effect by then. */
export function balanceAt(entries: readonly LedgerEntry[], at: number): number {
  const lots: Lot[] = [];
  const taken = new Map<string, { parts: [Lot, number][]; lent: number }>();
  let lent = 0;
  const add = (lot: Lot) => {
    const repay = Math.min(lent, lot.remaining);
    lent -= repay;
    lot.remaining -= repay;
    lots.push(lot);
  };
  for (const entry of [...entries].sort(byEffect)) {
    const t = entry.createdAt;
    if (t > at) break;
    if (entry.kind === 'reversal') {
      const debit = entry.reverses === null ? undefined : taken.get(entry.reverses);
      if (!debit) continue;
      for (const [lot, n] of debit.parts) if (alive(lot, t)) lot.remaining += n;
      const back = Math.min(debit.lent, lent);
      lent -= back;
      if (debit.lent > back) lots.push({ id: entry.id, remaining: debit.lent - back, expiresAt: null, createdAt: t });
    } else if (entry.amount > 0) {
      add({ id: entry.id, remaining: entry.amount, expiresAt: entry.expiresAt, createdAt: t });
    } else {
      let need = -entry.amount;
      const parts: [Lot, number][] = [];
      const usable = lots
        .filter((lot) => lot.remaining > 0 && alive(lot, t))
        .sort((a, b) => (a.expiresAt ?? Infinity) - (b.expiresAt ?? Infinity) || a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
      for (const lot of usable) {
        if (need === 0) break;
        const n = Math.min(need, lot.remaining);
        lot.remaining -= n;
        need -= n;
        parts.push([lot, n]);
      }
      lent += need;
      taken.set(entry.id, { parts, lent: need });
    }
  }
  return lots.reduce((sum, lot) => sum + (alive(lot, at) ? lot.remaining : 0), 0) - lent;
}
