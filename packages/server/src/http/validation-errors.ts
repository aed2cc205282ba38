import type { FieldError } from './problem.ts';

interface AjvError {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}

const parts: Record<string, string> = { body: '', querystring: '/query', params: '/path', headers: '/header' };

/** Turns Ajv's errors for one part of the request into field errors with JSON pointers. */
export function toFieldErrors(errors: AjvError[], context: string): FieldError[] {
  const base = parts[context] ?? '';
  const seen = new Set<string>();
  const fields: FieldError[] = [];
  for (const error of errors) {
    let pointer = `${base}${error.instancePath}`;
    let detail = error.message ?? 'is invalid';
    if (error.keyword === 'required') {
      pointer += `/${escape(String(error.params.missingProperty))}`;
      detail = 'is required';
    } else if (error.keyword === 'format' && (error.params.format === 'date-time' || error.params.format === 'date')) {
      detail = `${error.params.format === 'date' ? 'must be a date YYYY-MM-DD' : 'must be an RFC 3339 instant'} from 1970-01-01 up to 9000-01-01`;
    } else if (error.keyword === 'additionalProperties') {
      pointer += `/${escape(String(error.params.additionalProperty))}`;
      detail = 'is not a known property (extensions must be named x-<namespace>-<name>)';
    }
    if (context === 'headers') pointer = pointer.replace(/\/header\/([^/]+)/, (_, name: string) => `/header/${headerCase(name)}`);
    const entry = `${pointer} ${detail}`;
    if (seen.has(entry)) continue;
    seen.add(entry);
    fields.push({ pointer: pointer || '/', detail: detail.slice(0, 500) });
  }
  return fields;
}

const escape = (token: string) => token.replace(/~/g, '~0').replace(/\//g, '~1');
const headerCase = (name: string) => name.replace(/(^|-)([a-z])/g, (_, dash: string, c: string) => dash + c.toUpperCase());
