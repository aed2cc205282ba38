import type { FastifyReply, FastifyRequest } from 'fastify';
import { preconditionFailed, preconditionRequired } from './problem.ts';

export const etagOf = (version: number) => `"${version}"`;

/** Refuses a change without If-Match (428) or with an outdated one (412). */
export function checkIfMatch(request: FastifyRequest, version: number): void {
  const header = request.headers['if-match'];
  if (header === undefined || header === '') throw preconditionRequired();
  const tags = header.split(',').map((tag) => tag.trim().replace(/^W\//, ''));
  if (!tags.includes('*') && !tags.includes(etagOf(version))) throw preconditionFailed();
}

export function setEtag(reply: FastifyReply, version: number): void {
  reply.header('etag', etagOf(version));
}
