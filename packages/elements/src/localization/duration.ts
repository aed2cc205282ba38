// ISO 8601 durations as the spec writes them (`PT30M`, `PT2H`, `P1D`, `P1W`, `P1DT12H`): no years
// or months, whose length depends on the date.

/** A parsed duration: calendar days (weeks × 7 + days) and an exact part in ms. */
export interface Duration {
  days: number;
  ms: number;
}

const DURATION = /^P(?!$)(?:(\d+)W)?(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;

/** The duration `iso` writes; `undefined` for anything else. */
export function parseDuration(iso: string | null | undefined): Duration | undefined {
  const m = iso ? DURATION.exec(iso) : null;
  if (!m) return undefined;
  const [, w = 0, d = 0, h = 0, min = 0, s = 0] = m;
  return { days: +w * 7 + +d, ms: ((+h * 60 + +min) * 60 + +s) * 1000 };
}

/** A duration's nominal length in ms, a day counted as 24 h. */
export const durationMs = (d: Duration): number => d.days * 86_400_000 + d.ms;
