/**
 * When a refused delivery is tried again, after its first attempt: the schedule the Standard
 * Webhooks specification suggests (5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h), 27 h 35 min in all,
 * so that a receiver down for a whole day still gets every event.
 */
export const retryDelaysMs: readonly number[] = [5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000];

/** The wait before the attempt that follows attempt number `attempts` (1 is the first), or undefined when none is left. */
export function nextDelay(attempts: number): number | undefined {
  return retryDelaysMs[attempts - 1];
}
