import type { Check } from '../context.ts';
import { CheckSkipped, expect, expectStatus } from '../failure.ts';

const otherOrigin = 'https://conformance-not-allowed.invalid';

export const corsOtherOrigin: Check = {
  id: 'cors.other-origin',
  title: "An origin the space does not allow gets no Access-Control-Allow-Origin, on a preflight or a read",
  feature: 'core',
  specSection: '/components/schemas/Space/properties/allowedOrigins',
  async run(context) {
    const base = `/spaces/${encodeURIComponent(context.spaceId)}`;
    const preflight = await context.http.request('OPTIONS', `${base}/bookings`, {
      validate: false,
      headers: { origin: otherOrigin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,idempotency-key' },
    });
    const granted = preflight.responseHeaders['access-control-allow-origin'];
    expect(granted === undefined, 'a preflight from an origin the space does not allow must not be granted', 'no Access-Control-Allow-Origin', `Access-Control-Allow-Origin: ${granted}`, [preflight]);
    const read = await context.http.request('GET', base, { headers: { origin: otherOrigin } });
    const readGranted = read.responseHeaders['access-control-allow-origin'];
    expect(readGranted === undefined, 'a read from an origin the space does not allow must not be shared with it', 'no Access-Control-Allow-Origin', `Access-Control-Allow-Origin: ${readGranted}`, [read]);
  },
};

export const corsAllowedOrigin: Check = {
  id: 'cors.allowed-origin',
  title: 'An origin the space allows is granted on a preflight (with the booking headers) and on a read',
  feature: 'core',
  specSection: '/components/schemas/Space/properties/allowedOrigins',
  needsStaffKey: true,
  async run(context) {
    const base = `/spaces/${encodeURIComponent(context.spaceId)}`;
    const space = await context.http.request('GET', base, { staff: true });
    expectStatus(space, 200, 'getSpace as staff (to read its allowed origins)');
    const origin: string | undefined = space.json?.allowedOrigins?.[0];
    if (!origin) throw new CheckSkipped('the space allows no browser origin (allowedOrigins is empty)');
    const preflight = await context.http.request('OPTIONS', `${base}/bookings`, {
      validate: false,
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,idempotency-key' },
    });
    const granted = preflight.responseHeaders['access-control-allow-origin'];
    expect(granted === origin || granted === '*', `a preflight from ${origin}, which the space allows, must be granted`, `Access-Control-Allow-Origin: ${origin}`, `Access-Control-Allow-Origin: ${granted ?? '(none)'}`, [preflight]);
    const headers = (preflight.responseHeaders['access-control-allow-headers'] ?? '').toLowerCase();
    expect(headers.includes('idempotency-key') || headers === '*', 'the preflight must allow the Idempotency-Key header a booking needs', 'Access-Control-Allow-Headers with idempotency-key', headers || '(none)', [preflight]);
    const read = await context.http.request('GET', base, { headers: { origin } });
    expect(read.responseHeaders['access-control-allow-origin'] === origin || read.responseHeaders['access-control-allow-origin'] === '*', `a read from ${origin} must be shared with it`, `Access-Control-Allow-Origin: ${origin}`, `Access-Control-Allow-Origin: ${read.responseHeaders['access-control-allow-origin'] ?? '(none)'}`, [read]);
  },
};
