import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { blockedInterval, computeAvailability, fits, peakUsage, type Block, type Slot } from '../../src/domain/availability.ts';
import { openIntervals } from '../../src/domain/opening-hours.ts';
import type { Interval } from '../../src/domain/intervals.ts';
import { PARIS, local, wall, hours } from './helpers.ts';

const day = (date: string, opens = '09:00', closes = '18:00'): Interval[] => [{ start: local(`${date}T${opens}`), end: local(`${date}T${closes}`) }];
const booking = (date: string, from: string, to: string, quantity = 1, bb = 'PT0S', ba = 'PT0S'): Block =>
  blockedInterval({ start: local(`${date}T${from}`), end: local(`${date}T${to}`), quantity }, bb, ba);
const base = (over: Partial<Parameters<typeof computeAvailability>[0]> = {}) => ({
  open: day('2026-12-01'),
  capacity: 1,
  blocks: [] as Block[],
  now: local('2026-11-01T00:00'),
  from: local('2026-12-01T00:00'),
  to: local('2026-12-02T00:00'),
  timeZone: PARIS,
  ...over,
});

describe('computeAvailability', () => {
  test('an empty room is available while open', () => {
    assert.deepEqual(wall(computeAvailability(base())), [['2026-12-01T09:00', '2026-12-01T18:00', 1]]);
  });

  test('existing bookings leave gaps; bookings that touch are fine', () => {
    const slots = computeAvailability(base({ blocks: [booking('2026-12-01', '10:00', '11:00'), booking('2026-12-01', '11:00', '12:00')] }));
    assert.deepEqual(wall(slots), [
      ['2026-12-01T09:00', '2026-12-01T10:00', 1],
      ['2026-12-01T12:00', '2026-12-01T18:00', 1],
    ]);
  });

  test('buffers: both the existing booking’s and the new one’s are kept free', () => {
    // Existing 10:00–11:00 blocks 09:45–11:15; a new booking needs 15 min free on each side too.
    const blocks = [booking('2026-12-01', '10:00', '11:00', 1, 'PT15M', 'PT15M')];
    const slots = computeAvailability(base({ blocks, bufferBefore: 'PT15M', bufferAfter: 'PT15M' }));
    assert.deepEqual(wall(slots), [
      ['2026-12-01T09:00', '2026-12-01T09:30', 1],
      ['2026-12-01T11:30', '2026-12-01T18:00', 1],
    ]);
    const f = (from: string, to: string) =>
      fits({ capacity: 1, blocks, start: local(`2026-12-01T${from}`), end: local(`2026-12-01T${to}`), bufferBefore: 'PT15M', bufferAfter: 'PT15M' });
    assert.equal(f('11:30', '12:30'), true, 'the next booking may start after both buffers');
    assert.equal(f('11:15', '12:15'), false, 'its own set-up buffer would overlap the cleaning');
    assert.equal(f('08:30', '09:30'), true);
    assert.equal(f('08:30', '09:31'), false);
  });

  test('buffers may extend beyond opening hours, the booking may not', () => {
    const slots = computeAvailability(base({ bufferBefore: 'PT30M', bufferAfter: 'PT30M' }));
    assert.deepEqual(wall(slots), [['2026-12-01T09:00', '2026-12-01T18:00', 1]]);
  });

  test('asymmetric buffers: cleaning after only', () => {
    const blocks = [booking('2026-12-01', '10:00', '11:00', 1, 'PT0S', 'PT30M')];
    const slots = computeAvailability(base({ blocks, bufferAfter: 'PT30M' }));
    // New booking must end 30 min before 10:00; may start at 11:30.
    assert.deepEqual(wall(slots), [
      ['2026-12-01T09:00', '2026-12-01T09:30', 1],
      ['2026-12-01T11:30', '2026-12-01T18:00', 1],
    ]);
  });

  test('a pool of 12 hot desks with partial usage: remaining per slot, touching slots', () => {
    const blocks = [booking('2026-12-01', '10:00', '12:00', 5), booking('2026-12-01', '11:00', '13:00', 7)];
    // usage: 10–11: 5, 11–12: 12, 12–13: 7
    assert.deepEqual(wall(computeAvailability(base({ capacity: 12, blocks }))), [
      ['2026-12-01T09:00', '2026-12-01T10:00', 12],
      ['2026-12-01T10:00', '2026-12-01T11:00', 7],
      ['2026-12-01T12:00', '2026-12-01T13:00', 5],
      ['2026-12-01T13:00', '2026-12-01T18:00', 12],
    ]);
    assert.deepEqual(wall(computeAvailability(base({ capacity: 12, blocks, quantity: 6 }))), [
      ['2026-12-01T09:00', '2026-12-01T10:00', 12],
      ['2026-12-01T10:00', '2026-12-01T11:00', 7],
      ['2026-12-01T13:00', '2026-12-01T18:00', 12],
    ]);
    assert.deepEqual(computeAvailability(base({ capacity: 12, quantity: 13 })), []);
    const f = (from: string, to: string, quantity: number) =>
      fits({ capacity: 12, blocks, start: local(`2026-12-01T${from}`), end: local(`2026-12-01T${to}`), quantity });
    assert.equal(f('09:00', '11:00', 7), true);
    assert.equal(f('09:00', '11:00', 8), false);
    assert.equal(f('12:00', '14:00', 5), true);
    assert.equal(f('11:30', '12:30', 1), false);
  });

  test('a pool with buffers: remaining looks at the buffered window', () => {
    const blocks = [booking('2026-12-01', '10:00', '11:00', 4, 'PT0S', 'PT30M')]; // blocks 10:00–11:30
    const slots = computeAvailability(base({ capacity: 10, blocks, bufferBefore: 'PT15M' }));
    // A new booking occupying t blocks [t − 15 min, …): its set-up overlaps the block until 11:45.
    assert.deepEqual(wall(slots), [
      ['2026-12-01T09:00', '2026-12-01T10:00', 10],
      ['2026-12-01T10:00', '2026-12-01T11:45', 6],
      ['2026-12-01T11:45', '2026-12-01T18:00', 10],
    ]);
  });

  test('lead time and horizon', () => {
    const now = local('2026-12-01T08:30');
    assert.deepEqual(wall(computeAvailability(base({ now, leadTime: 'PT2H' }))), [['2026-12-01T10:30', '2026-12-01T18:00', 1]]);
    assert.deepEqual(wall(computeAvailability(base({ now: local('2026-12-01T11:10') }))), [['2026-12-01T11:10', '2026-12-01T18:00', 1]]);
    // Horizon P1D as of 2026-11-30 12:00: bookings must end by 2026-12-01 12:00.
    assert.deepEqual(wall(computeAvailability(base({ now: local('2026-11-30T12:00'), horizon: 'P1D' }))), [['2026-12-01T09:00', '2026-12-01T12:00', 1]]);
    assert.deepEqual(computeAvailability(base({ now: local('2026-11-29T12:00'), horizon: 'P1D' })), []);
  });

  test('horizon in calendar days across the autumn change', () => {
    // As of 2026-10-24 12:00 CEST, P1D ends at 2026-10-25 12:00 CET (25 h later).
    const open = openIntervals({ openingHours: [{ day: 'sunday', opens: '00:00', closes: '24:00' }], timeZone: PARIS }, local('2026-10-25T00:00'), local('2026-10-26T00:00'));
    const slots = computeAvailability(base({ open, now: local('2026-10-24T12:00'), horizon: 'P1D', from: local('2026-10-25T00:00'), to: local('2026-10-26T00:00') }));
    assert.deepEqual(wall(slots), [['2026-10-25T00:00', '2026-10-25T12:00', 1]]);
    assert.equal(hours(slots[0]!.end.getTime() - slots[0]!.start.getTime()), 13);
  });

  test('across the 2026-10-25 change a free 24/7 room has a 25-hour day, and a 01:30–03:30 booking blocks 3 hours', () => {
    const from = local('2026-10-25T00:00');
    const to = local('2026-10-26T00:00');
    const open = openIntervals({ openingHours: [{ day: 'sunday', opens: '00:00', closes: '24:00' }], timeZone: PARIS }, from, to);
    const free = computeAvailability(base({ open, from, to, now: local('2026-10-01T00:00') }));
    assert.equal(hours(free[0]!.end.getTime() - free[0]!.start.getTime()), 25);
    const b = booking('2026-10-25', '01:30', '03:30');
    assert.equal(hours(b.end.getTime() - b.start.getTime()), 3);
    const slots = computeAvailability(base({ open, from, to, now: local('2026-10-01T00:00'), blocks: [b] }));
    assert.deepEqual(wall(slots), [
      ['2026-10-25T00:00', '2026-10-25T01:30', 1],
      ['2026-10-25T03:30', '2026-10-26T00:00', 1],
    ]);
  });

  test('window and opening hours clip; several days', () => {
    const open = [...day('2026-12-01'), ...day('2026-12-02')];
    const slots = computeAvailability(base({ open, from: local('2026-12-01T17:00'), to: local('2026-12-02T10:00') }));
    assert.deepEqual(wall(slots), [
      ['2026-12-01T17:00', '2026-12-01T18:00', 1],
      ['2026-12-02T09:00', '2026-12-02T10:00', 1],
    ]);
  });

  test('blocks outside the window still count through buffers', () => {
    const blocks = [booking('2026-11-30', '23:00', '23:59', 1, 'PT0S', 'PT0S')];
    const open = [{ start: local('2026-11-30T20:00'), end: local('2026-12-01T04:00') }];
    const slots = computeAvailability(base({ open, blocks, from: local('2026-12-01T00:00'), to: local('2026-12-01T04:00'), bufferBefore: 'PT30M' }));
    assert.deepEqual(wall(slots), [['2026-12-01T00:29', '2026-12-01T04:00', 1]]);
  });

  test('overbooked periods (more blocked than the capacity) are simply unavailable', () => {
    const blocks = [booking('2026-12-01', '10:00', '11:00'), booking('2026-12-01', '10:30', '11:00')];
    assert.deepEqual(wall(computeAvailability(base({ blocks }))), [
      ['2026-12-01T09:00', '2026-12-01T10:00', 1],
      ['2026-12-01T11:00', '2026-12-01T18:00', 1],
    ]);
    assert.equal(peakUsage(blocks, local('2026-12-01T09:00'), local('2026-12-01T18:00')), 2);
  });

  test('refuses a quantity below 1', () => {
    assert.throws(() => computeAvailability(base({ quantity: 0 })), RangeError);
  });
});

describe('fits', () => {
  test('checks opening hours when given', () => {
    const open = day('2026-12-01');
    assert.equal(fits({ capacity: 1, blocks: [], open, start: local('2026-12-01T09:00'), end: local('2026-12-01T18:00') }), true);
    assert.equal(fits({ capacity: 1, blocks: [], open, start: local('2026-12-01T08:59'), end: local('2026-12-01T10:00') }), false);
    assert.equal(fits({ capacity: 1, blocks: [], start: local('2026-12-01T08:00'), end: local('2026-12-01T10:00') }), true);
    assert.equal(fits({ capacity: 1, blocks: [], start: local('2026-12-01T10:00'), end: local('2026-12-01T10:00') }), false);
  });

  test('agrees with computeAvailability on random pools, buffers and bookings', () => {
    // Deterministic PRNG (mulberry32).
    let seed = 42;
    const rnd = () => {
      seed |= 0;
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const Q = 15 * 60_000;
    const t0 = local('2026-12-01T08:00').getTime();
    const at = (k: number) => new Date(t0 + k * Q);
    for (let round = 0; round < 60; round++) {
      const capacity = 1 + Math.floor(rnd() * 5);
      const bb = Math.floor(rnd() * 3) * Q;
      const ba = Math.floor(rnd() * 3) * Q;
      const blocks: Block[] = [];
      for (let k = 0; k < 6; k++) {
        const s = Math.floor(rnd() * 40);
        blocks.push(blockedInterval({ start: at(s), end: at(s + 1 + Math.floor(rnd() * 8)), quantity: 1 + Math.floor(rnd() * capacity) }, bb, ba));
      }
      const open = [{ start: at(4), end: at(20) }, { start: at(22), end: at(44) }];
      const quantity = 1 + Math.floor(rnd() * capacity);
      const slots = computeAvailability({ open, capacity, blocks, quantity, bufferBefore: bb, bufferAfter: ba, now: at(0), from: at(0), to: at(48) });
      const slotsForOne = computeAvailability({ open, capacity, blocks, quantity: 1, bufferBefore: bb, bufferAfter: ba, now: at(0), from: at(0), to: at(48) });
      // Slots never overlap, touch only with different remaining, and hold at least the quantity.
      for (let k = 1; k < slots.length; k++) {
        assert.ok(slots[k]!.start >= slots[k - 1]!.end);
        if (slots[k]!.start.getTime() === slots[k - 1]!.end.getTime()) assert.notEqual(slots[k]!.remaining, slots[k - 1]!.remaining);
      }
      for (const s of slots) assert.ok(s.remaining >= quantity && s.remaining <= capacity);
      for (let s = 0; s < 48; s++) {
        for (let e = s + 1; e <= 48; e++) {
          const start = at(s);
          const end = at(e);
          const viaFits = fits({ capacity, blocks, open, start, end, quantity, bufferBefore: bb, bufferAfter: ba });
          assert.equal(viaSlots(slots, start, end, quantity), viaFits, `round ${round}: ${s}–${e} ×${quantity}`);
          // Slots for one unit tell, through `remaining`, whether any larger quantity fits.
          for (let q = 1; q <= capacity; q++) {
            const expected = fits({ capacity, blocks, open, start, end, quantity: q, bufferBefore: bb, bufferAfter: ba });
            assert.equal(viaSlots(slotsForOne, start, end, q), expected, `round ${round}: ${s}–${e} ×${q} (from slots for 1)`);
          }
        }
      }
    }
  });
});

/** What a client does: the booking lies in slots that follow each other, each with enough remaining. */
function viaSlots(slots: Slot[], start: Date, end: Date, quantity: number): boolean {
  let cursor = start.getTime();
  for (const s of slots) {
    if (s.end.getTime() <= cursor) continue;
    if (s.start.getTime() > cursor) return false;
    if (s.remaining < quantity) return false;
    cursor = s.end.getTime();
    if (cursor >= end.getTime()) return true;
  }
  return false;
}

describe('computeAvailability against a minute-by-minute count', () => {
  // Random blocks on a minute grid, of one unit each (the database's) or of mixed quantities,
  // epoch ms or Dates: every slot found matches counting the free units minute by minute.
  const minute = 60_000;
  const from = Date.UTC(2026, 11, 1);
  let seed = 11;
  const random = (n: number) => Math.floor(((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31) * n);
  const expected = (blocks: { start: number; end: number; quantity: number }[], open: [number, number][], capacity: number, quantity: number) => {
    const slots: [number, number, number][] = [];
    for (const [os, oe] of open) {
      for (let t = os; t < oe; t += minute) {
        const used = blocks.reduce((sum, b) => (b.start <= t && t < b.end ? sum + b.quantity : sum), 0);
        const remaining = capacity - used;
        const last = slots[slots.length - 1];
        if (remaining < quantity) continue;
        if (last && last[1] === t && last[2] === remaining) last[1] = t + minute;
        else slots.push([t, t + minute, remaining]);
      }
    }
    return slots;
  };
  for (const mixed of [false, true]) {
    test(mixed ? 'blocks of mixed quantities' : 'blocks of one unit each', () => {
      for (let run = 0; run < 200; run++) {
        const capacity = 1 + random(4);
        const blocks = Array.from({ length: random(25) }, () => {
          const start = from + random(600) * minute;
          return { start, end: start + (1 + random(120)) * minute, quantity: mixed ? 1 + random(2) : 1 };
        });
        const open: [number, number][] = [[from + 60 * minute, from + 300 * minute], [from + 360 * minute, from + 700 * minute]];
        const quantity = 1 + random(2);
        const slots = computeAvailability({
          open: open.map(([s, e]) => ({ start: new Date(s), end: new Date(e) })),
          capacity,
          blocks: run % 2 ? blocks : blocks.map((b) => ({ start: new Date(b.start), end: new Date(b.end), quantity: b.quantity })),
          quantity,
          now: new Date(from - 86_400_000),
          from: new Date(from),
          to: new Date(from + 86_400_000),
        });
        assert.deepEqual(
          slots.map((s) => [s.start.getTime(), s.end.getTime(), s.remaining]),
          expected(blocks, open, capacity, quantity),
          JSON.stringify({ capacity, quantity, blocks }),
        );
      }
    });
  }
});
