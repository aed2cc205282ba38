import { isApiError } from '@coworking-commons/client';

/**
 * The fields of a request body that the server refused, by path (`name`, `price/amount`): what a
 * validation problem's field errors name with JSON pointers into the body (`/body/name`). Empty
 * for any other error.
 */
export function bodyFieldErrors(error: unknown): Record<string, string> {
  if (!isApiError(error)) return {};
  const errors: Record<string, string> = {};
  for (const { pointer, detail } of error.fieldErrors) {
    const path = pointer.replace(/^\/body\/?/, '');
    if (path !== pointer && !(path in errors)) errors[path] = detail;
  }
  return errors;
}

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
