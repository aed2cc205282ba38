// The shapes every part of the suite shares: a check, its outcome, and a recorded exchange.

/** What the suite sent and what it got back, for one HTTP request. */
export interface Exchange {
  method: string;
  url: string;
  requestHeaders: Record<string, string>;
  requestBody?: string;
  status: number;
  responseHeaders: Record<string, string>;
  responseBody: string;
  /** The response body parsed as JSON, when it is JSON. */
  json?: any;
  /** False for requests that reach no operation of the spec on purpose (CORS preflights). */
  validate: boolean;
  /** The check that sent it. */
  checkId: string;
}

/** A failed expectation: what was expected, what came back, and the requests behind it. */
export interface Failure {
  message: string;
  expected: string;
  got: string;
  sent: string[];
}

export type Status = 'pass' | 'fail' | 'not-claimed' | 'skipped';

export interface CheckResult {
  id: string;
  title: string;
  feature: string;
  specSection: string;
  status: Status;
  /** Why it was not run (`not-claimed`, `skipped`). */
  reason?: string;
  failures: Failure[];
  durationMs: number;
}

export interface RunResult {
  apiUrl: string;
  spaceId: string;
  specVersion: string;
  /** The features the server's discovery document claims. */
  claimedFeatures: string[];
  results: CheckResult[];
  durationMs: number;
  /** True when every check of every claimed feature passed. */
  passed: boolean;
}
