import { isApiError } from '@coworking-commons/client';

/**
 * The body fields a validation problem names, by top-level name (`email`), with the server's
 * detail: its `errors` point into the body (`/email`, or `/body/email` on some servers). Empty for
 * any other error, or when the problem names only parameters (`/query/…`, `/header/…`).
 */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  if (!isApiError(error)) return {};
  const fields: Record<string, string> = {};
  for (const { pointer, detail } of error.fieldErrors) {
    const segments = pointer.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
    if (segments[0] === 'body') segments.shift();
    const [field] = segments;
    if (!field || field === 'query' || field === 'header' || field === 'path') continue;
    fields[field] ??= detail;
  }
  return fields;
}

/** The status of the API's answer to a failed request (undefined when there was none). */
export const statusOf = (error: unknown): number | undefined => (isApiError(error) ? error.status : undefined);
