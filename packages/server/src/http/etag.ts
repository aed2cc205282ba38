import type { FastifyReply, FastifyRequest } from 'fastify';
import { conflict, preconditionFailed, preconditionRequired } from './problem.ts';

export const etagOf = (version: number) => `"${version}"`;

/** The entity tags of If-Match (weak ones compared as strong), or undefined without the header. */
function ifMatchTags(request: FastifyRequest): string[] | undefined {
  const header = request.headers['if-match'];
  if (header === undefined || header === '') return undefined;
  return header.split(',').map((tag) => tag.trim().replace(/^W\//, ''));
}

/** Refuses a change without If-Match (428) or with an outdated one (412). */
export function checkIfMatch(request: FastifyRequest, version: number): void {
  const tags = ifMatchTags(request);
  if (tags === undefined) throw preconditionRequired();
  if (!tags.includes('*') && !tags.includes(etagOf(version))) throw preconditionFailed();
}

/**
 * The optional If-Match of the space, resources, members, plans and events: a change without it
 * is applied (as clients of 0.1.0 send it); one with an outdated version is refused (412).
 */
export function checkOptionalIfMatch(request: FastifyRequest, version: number): void {
  const tags = ifMatchTags(request);
  if (tags !== undefined && !tags.includes('*') && !tags.includes(etagOf(version))) throw preconditionFailed();
}

/**
 * The refusal of a write whose row changed between its read and its write (another request
 * committed in between): 412 for a caller that named the version it read, 409 for one that did
 * not (the change was prepared from a copy that is no longer current).
 */
export function changedMeanwhile(request: FastifyRequest, what: string) {
  return ifMatchTags(request) === undefined ? conflict(`The ${what} changed meanwhile; fetch it again.`) : preconditionFailed();
}

export function setEtag(reply: FastifyReply, version: number): void {
  reply.header('etag', etagOf(version));
}
