// getDiscovery, listSpaces, getSpace.
import { Problem } from '../problem.ts';
import { pageQuery, queryOf, spaceOf, page, type Answer, type Call } from '../call.ts';
import { etag, spaceSummary, spaceView } from './views.ts';

/** The optional features this server implements, and only those. */
export const features = ['guest-bookings', 'quotes', 'approvals'];

export function getDiscovery(call: Call): Answer {
  const accept = call.headers.accept;
  if (accept && !accept.split(',').some((range) => /^\s*(\*\/\*|application\/\*|application\/json)\s*(;|$)/i.test(range))) {
    throw new Problem(406, 'not-acceptable', 'The discovery document is offered as application/json only.');
  }
  return {
    status: 200,
    body: {
      specVersion: '0.2.0',
      apiBaseUrl: call.publicUrl,
      spaces: [...call.store.spaces.values()].map(spaceSummary),
      features,
      server: { name: 'coworking-commons minimal example server', version: '0.1.0' },
    },
  };
}

export function listSpaces(call: Call): Answer {
  const query = queryOf(call, pageQuery);
  const result = page([...call.store.spaces.values()], (space) => [space.name, space.id], 2, query);
  return { status: 200, body: { ...result, items: result.items.map((space) => spaceView(space, false, call.now)) } };
}

export function getSpace(call: Call): Answer {
  const space = spaceOf(call);
  // Unknown credentials get the public space (the spec says so for getSpace alone).
  return { status: 200, headers: etag(space.version), body: spaceView(space, call.caller.kind === 'staff', call.now) };
}
