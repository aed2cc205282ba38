// Rate limits, as the spec states them: "Servers rate-limit this operation [requestSignInCode] per
// address and per client", so a server must answer 429 sooner or later; the bound
// (`rateLimitTries`) keeps the suite from hammering a server whose limit is high.
import type { Check } from '../context.ts';
import { CheckFailed, describeRequest, describeResponse, expect, expectProblem, expectStatus } from '../failure.ts';
import type { Exchange } from '../types.ts';

/** Retry-After as the spec's RetryAfter header: whole seconds, 0 to 86400. */
export function expectRetryAfter(answer: Exchange, message: string): void {
  const value = answer.responseHeaders['retry-after'];
  expect(value !== undefined, message, 'a Retry-After header (seconds to wait)', `no Retry-After; headers: ${Object.keys(answer.responseHeaders).join(', ')}`, [answer]);
  const seconds = Number(value);
  expect(/^\d+$/.test(value) && seconds <= 86_400, message, 'Retry-After as whole seconds from 0 to 86400', `Retry-After: ${value}`, [answer]);
}

export const signInRateLimit: Check = {
  id: 'auth.sign-in-rate-limit',
  title: 'Sign-in code requests for one email are limited: a 429 rate-limited problem document with Retry-After within the tries allowed',
  feature: 'core',
  specSection: 'requestSignInCode',
  async run(context) {
    // No member has this address, so no code is ever mailed: the server answers the same 202.
    const email = `conformance+rate-${context.fixtures.runId}@example.org`;
    const path = `/spaces/${encodeURIComponent(context.spaceId)}/auth/code`;
    const answers: Exchange[] = [];
    for (let attempt = 1; attempt <= context.rateLimitTries; attempt++) {
      const answer = await context.http.request('POST', path, { body: { email } });
      answers.push(answer);
      if (answer.status === 429) {
        const message = `requestSignInCode refused after ${attempt - 1} requests for ${email}`;
        expectProblem(answer, 429, 'urn:coworking-commons:problem:rate-limited', message);
        expectRetryAfter(answer, message);
        return;
      }
      expectStatus(answer, 202, `requestSignInCode for an address that is no member's (request ${attempt} of at most ${context.rateLimitTries})`);
    }
    throw new CheckFailed({
      message: `${context.rateLimitTries} requests for one email address were all accepted, but the spec says servers rate-limit requestSignInCode per address (raise --rate-limit-tries if this server's limit is higher)`,
      expected: `a 429 within ${context.rateLimitTries} requests`,
      got: `${answers.length} × ${describeResponse(answers.at(-1)!)}`,
      sent: [describeRequest(answers[0]!), `… the same, ${answers.length} times in a row`],
    });
  },
};
