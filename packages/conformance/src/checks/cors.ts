import type { Check } from '../context.ts';
import { expect } from '../failure.ts';

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
