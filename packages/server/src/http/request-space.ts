import type { FastifyRequest } from 'fastify';
import type { Deps } from '../deps.ts';
import { loadSpace, type LoadedSpace } from '../services/spaces.ts';

const loads = new WeakMap<FastifyRequest, { spaceId: string; loaded: Promise<LoadedSpace | undefined> }>();

/** The space a request names, loaded once per request: CORS asks first, then the request context. */
export function requestSpace(deps: Deps, request: FastifyRequest, spaceId: string): Promise<LoadedSpace | undefined> {
  const known = loads.get(request);
  if (known?.spaceId === spaceId) return known.loaded;
  const loaded = loadSpace(deps, spaceId);
  loads.set(request, { spaceId, loaded });
  return loaded;
}
