/**
 * What went wrong, in words for people (English and French), from any error the client throws.
 *
 * Exports:
 * - `ErrorKind`: 'offline' | 'network' | 'timeout' | 'rate-limited' | 'not-implemented' |
 *   'unauthorized' | 'forbidden' | 'not-found' | 'conflict' | 'invalid' | 'server' | 'other'.
 * - `ErrorInfo`: `{ kind, message, retryAfter?, status?, problemType?, detail? }` (`detail` is the
 *   server's English explanation, for logs and the `cowork-error` event, not for display).
 * - `describeError(error)`: the ErrorInfo of an ApiError, NetworkError, TimeoutError or anything.
 * - `problemOf(error)`: the RFC 9457 problem of an ApiError (duck-typed), else undefined.
 * - `isNotImplemented(error)`: a 501 / not-implemented problem.
 */
import { msg, str } from '@lit/localize';
import type { Problem } from '@coworking-commons/client';
import { useMessages } from '../localization/localization.ts';
import messages from '../localization/generated/states.ts';

useMessages(messages);

export type ErrorKind = 'offline' | 'network' | 'timeout' | 'rate-limited' | 'not-implemented' | 'unauthorized' | 'forbidden' | 'not-found' | 'conflict' | 'invalid' | 'server' | 'other';

export interface ErrorInfo {
  kind: ErrorKind;
  /** A sentence for people, in the active language. */
  message: string;
  /** Seconds to wait before trying again (rate limits). */
  retryAfter?: number | undefined;
  status?: number | undefined;
  problemType?: string | undefined;
  /** The server's explanation (English), for logs. */
  detail?: string | undefined;
}

interface ApiErrorLike {
  status: number;
  problem: Problem;
  response?: Response;
}

/** The problem document of an ApiError (from any copy of the client). */
export function problemOf(error: unknown): Problem | undefined {
  const candidate = error as ApiErrorLike | null;
  return candidate && typeof candidate === 'object' && typeof candidate.status === 'number' && candidate.problem ? candidate.problem : undefined;
}

export function isNotImplemented(error: unknown): boolean {
  const problem = problemOf(error);
  return problem !== undefined && (problem.status === 501 || problem.type === 'urn:coworking-commons:problem:not-implemented');
}

export function describeError(error: unknown): ErrorInfo {
  const problem = problemOf(error);
  if (!problem) {
    const name = (error as Error | null)?.name;
    if (typeof navigator !== 'undefined' && navigator.onLine === false) return { kind: 'offline', message: msg('You are offline. Check your connection, then try again.') };
    if (name === 'TimeoutError') return { kind: 'timeout', message: msg('The server took too long to answer. Please try again.') };
    if (name === 'NetworkError' || error instanceof TypeError) return { kind: 'network', message: msg('The server could not be reached. Check your connection, then try again.') };
    return { kind: 'other', message: msg('Something went wrong. Please try again.'), detail: (error as Error | null)?.message };
  }
  const base = { status: problem.status, problemType: problem.type, detail: problem.detail ?? problem.title };
  const status = problem.status;
  if (status === 429) {
    const header = (error as ApiErrorLike).response?.headers.get('retry-after');
    const seconds = header && /^\d+$/.test(header) ? Number(header) : undefined;
    return {
      ...base,
      kind: 'rate-limited',
      retryAfter: seconds,
      message: seconds ? msg(str`Too many attempts. Please wait ${waitText(seconds)} and try again.`) : msg('Too many attempts. Please wait a moment and try again.'),
    };
  }
  if (isNotImplemented(error)) return { ...base, kind: 'not-implemented', message: msg('This server does not offer this feature.') };
  if (status === 401) return { ...base, kind: 'unauthorized', message: msg('Your session has ended. Please sign in again.') };
  if (status === 403) return { ...base, kind: 'forbidden', message: msg('You are not allowed to do this.') };
  if (status === 404) return { ...base, kind: 'not-found', message: msg('This could not be found. It may have been removed.') };
  if (status === 409 || status === 412) return { ...base, kind: 'conflict', message: msg('This changed in the meantime. Please check and try again.') };
  if (status === 400 || status === 422) return { ...base, kind: 'invalid', message: msg('The server refused this request. Please check what you entered.') };
  if (status >= 500) return { ...base, kind: 'server', message: msg('Something went wrong on the server; nothing was changed. Please try again.') };
  return { ...base, kind: 'other', message: msg('Something went wrong. Please try again.') };
}

function waitText(seconds: number): string {
  return seconds < 90 ? msg(str`${seconds} seconds`) : msg(str`${Math.ceil(seconds / 60)} minutes`);
}
