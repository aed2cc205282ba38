import type { Fixtures } from './fixtures.ts';
import type { Http } from './http.ts';
import type { SpecIndex } from './spec.ts';
import type { Failure } from './types.ts';

/** What a check works with. */
export interface Context {
  http: Http;
  spec: SpecIndex;
  spaceId: string;
  staffKey: string | undefined;
  /** Two members' tokens of the space (`--member-tokens`), for the checks of what one member may not reach of another's. */
  memberTokens: [string, string] | undefined;
  /** How many concurrent requests the burst checks send. */
  burst: number;
  /** How many requests the rate-limit checks send at most before giving up on a 429. */
  rateLimitTries: number;
  /** The server's discovery document, once `discovery.document` has read it. */
  discovery: any;
  fixtures: Fixtures;
}

/**
 * A check of one rule of the spec. Its id is stable: reports, CI and `--only` name it.
 * `run` throws `CheckFailed` (see failure.ts) or returns the failures it found.
 */
export interface Check {
  id: string;
  title: string;
  /** `core` (every server) or a feature of the discovery document (`guest-bookings`, `events`, …). */
  feature: string;
  /** Other features it needs claimed too. */
  alsoNeeds?: string[];
  /** The part of the spec it tests: an operationId, or a JSON pointer into the bundled spec. */
  specSection: string;
  /** It creates fixtures, so it needs `--staff-key`. */
  needsStaffKey?: boolean;
  /** It acts as two members, so it needs `--member-tokens`. */
  needsMemberTokens?: boolean;
  run(context: Context): Promise<Failure[] | void>;
}
