import { isApiError } from '@coworking-commons/client';

/**
 * The fields of a request body that the server refused, by path (`name`, `price/amount`), with the
 * server's detail: what a validation problem's field errors name with JSON pointers into the body.
 * The schema's checks point with `/body/…`; a server's own checks may point at the body without it
 * (`/timeZone`): both are read. Pointers at the path, the query or the headers are left out. Empty
 * for any other error.
 */
export function bodyFieldErrors(error: unknown): Record<string, string> {
  if (!isApiError(error)) return {};
  const errors: Record<string, string> = {};
  for (const { pointer, detail } of error.fieldErrors) {
    const segments = pointer.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
    if (segments[0] === 'body') segments.shift();
    else if (['path', 'query', 'header'].includes(segments[0] ?? '')) continue;
    const path = segments.join('/');
    if (path !== '') errors[path] ??= detail;
  }
  return errors;
}

/** The same, by top-level field only (`scopes` for `/body/scopes/0`): for forms whose every field is a top-level one. */
export function topLevelFieldErrors(error: unknown): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [path, detail] of Object.entries(bodyFieldErrors(error))) fields[path.split('/')[0]!] ??= detail;
  return fields;
}

/** The status of the API's answer to a failed request (undefined when there was none). */
export const statusOf = (error: unknown): number | undefined => (isApiError(error) ? error.status : undefined);

/** Amounts as people type them (`12`, `12.5`, `12,50`) in minor units (1250), or undefined when it is not an amount. */
export function minorUnits(text: string): number | undefined {
  const match = /^\s*(\d{1,7})(?:[.,](\d{1,2}))?\s*$/.exec(text);
  if (!match) return undefined;
  return Number(match[1]) * 100 + Number((match[2] ?? '0').padEnd(2, '0'));
}

/** Minor units as an amount to edit (1250 → `12.50`, 1200 → `12`). */
export function editableAmount(minor: number): string {
  return minor % 100 === 0 ? String(minor / 100) : (minor / 100).toFixed(2);
}
