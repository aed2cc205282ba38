// Runs the checks against a server and collects their results.
import type { Context } from './context.ts';
import { CheckFailed, CheckSkipped } from './failure.ts';
import { Fixtures } from './fixtures.ts';
import { Http } from './http.ts';
import { checks as allChecks, coreFeature } from './registry.ts';
import { SpecIndex } from './spec.ts';
import type { CheckResult, RunResult } from './types.ts';

export interface ConformanceOptions {
  /** The API's base URL (the spec's paths are relative to it). */
  apiUrl: string;
  spaceId: string;
  /** A staff API key of the space: the checks that create fixtures run only with one. */
  staffKey?: string;
  /**
   * The tokens of two different members of the space (each from the sign-in a person makes:
   * `requestSignInCode`, then `createToken` with the mailed code): the member-isolation checks run only with them.
   */
  memberTokens?: [string, string];
  /** Only the checks with these ids (the fixtures are removed whatever it says). */
  only?: string[];
  /** How many concurrent bookings the burst check sends (default 20). */
  burst?: number;
  /** How many requests the rate-limit checks send at most, waiting for a 429 (default 20). */
  rateLimitTries?: number;
  /** Called as each check ends, for progress reports. */
  onResult?: (result: CheckResult) => void;
  fetch?: typeof fetch;
}

const cleanupId = 'fixtures.cleanup';

export async function runConformance(options: ConformanceOptions): Promise<RunResult> {
  const started = performance.now();
  const spec = new SpecIndex();
  const unknown = (options.only ?? []).filter((id) => !allChecks.some((check) => check.id === id));
  if (unknown.length) throw new Error(`unknown check ids: ${unknown.join(', ')} (known: ${allChecks.map((check) => check.id).join(', ')})`);
  const http = new Http(options.apiUrl, options.staffKey, options.fetch);
  const context: Context = {
    http,
    spec,
    spaceId: options.spaceId,
    staffKey: options.staffKey,
    memberTokens: options.memberTokens,
    burst: options.burst ?? 20,
    rateLimitTries: options.rateLimitTries ?? 20,
    discovery: undefined,
    fixtures: new Fixtures(http, options.spaceId),
  };
  const selected = new Set(options.only?.length ? [...options.only, 'discovery.document'] : allChecks.map((check) => check.id));
  const results: CheckResult[] = [];
  for (const check of allChecks) {
    if (!selected.has(check.id) && check.id !== cleanupId) continue;
    const base = { id: check.id, title: check.title, feature: check.feature, specSection: check.specSection, failures: [] };
    const needed = [check.feature, ...(check.alsoNeeds ?? [])].filter((feature) => feature !== coreFeature);
    const missing = needed.filter((feature) => !(context.discovery?.features ?? []).includes(feature));
    let result: CheckResult;
    if (missing.length) {
      result = { ...base, status: 'not-claimed', reason: `the discovery document does not claim ${missing.map((feature) => `"${feature}"`).join(', ')}`, durationMs: 0 };
    } else if (check.needsStaffKey && !options.staffKey) {
      result = { ...base, status: 'skipped', reason: 'needs --staff-key (it creates fixtures)', durationMs: 0 };
    } else if (check.needsMemberTokens && !options.memberTokens) {
      result = { ...base, status: 'skipped', reason: 'needs --member-tokens (two members of the space)', durationMs: 0 };
    } else {
      http.currentCheck = check.id;
      const checkStarted = performance.now();
      let failures;
      let skipped: string | undefined;
      try {
        failures = (await check.run(context)) ?? [];
      } catch (error) {
        if (error instanceof CheckSkipped) skipped = error.message;
        failures = error instanceof CheckSkipped ? [] : [error instanceof CheckFailed ? error.failure : { message: `the check stopped: ${error instanceof Error ? error.message : String(error)}`, expected: 'an answer', got: String(error), sent: [] }];
      }
      const durationMs = Math.round(performance.now() - checkStarted);
      result = skipped !== undefined ? { ...base, status: 'skipped', reason: skipped, durationMs } : { ...base, status: failures.length ? 'fail' : 'pass', failures, durationMs };
    }
    if (check.id === cleanupId && !selected.has(cleanupId) && result.status !== 'fail') continue;
    results.push(result);
    options.onResult?.(result);
  }
  return {
    apiUrl: options.apiUrl,
    spaceId: options.spaceId,
    specVersion: spec.spec.info.version,
    claimedFeatures: [coreFeature, ...(context.discovery?.features ?? [])],
    results,
    durationMs: Math.round(performance.now() - started),
    passed: results.every((result) => result.status !== 'fail'),
  };
}
