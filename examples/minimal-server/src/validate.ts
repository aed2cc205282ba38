// A small validator for the request bodies and parameters this server accepts, written from the
// spec's schemas: each bad field is named by its JSON pointer.
import type { FieldError } from './problem.ts';
import { durationPattern, parseInstant } from './time.ts';

export type Schema = (value: unknown, pointer: string, errors: FieldError[]) => void;

const extension = /^x-[a-z0-9]+-[a-z0-9-]+$/;

export function string(options: { min?: number; max?: number; pattern?: RegExp; format?: 'date-time' | 'email' | 'uri' | 'duration' | 'date'; nullable?: boolean } = {}): Schema {
  return (value, pointer, errors) => {
    if (value === null && options.nullable) return;
    if (typeof value !== 'string') return void errors.push({ pointer, detail: 'must be a string' });
    const length = [...value].length;
    if (value.includes('\u0000')) errors.push({ pointer, detail: 'must not contain the NUL character' });
    else if (options.min !== undefined && length < options.min) errors.push({ pointer, detail: `must have at least ${options.min} characters` });
    else if (options.max !== undefined && length > options.max) errors.push({ pointer, detail: `must have at most ${options.max} characters` });
    else if (options.pattern && !options.pattern.test(value)) errors.push({ pointer, detail: `must match ${options.pattern.source}` });
    else if (options.format && !formats[options.format](value)) errors.push({ pointer, detail: `must be ${formatNames[options.format]}` });
  };
}

const formats = {
  'date-time': (value: string) => parseInstant(value) !== undefined,
  email: (value: string) => /^[^\s@"(),:;<>[\\\]]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/.test(value),
  uri: (value: string) => URL.canParse(value),
  duration: (value: string) => durationPattern.test(value),
  date: (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value) && parseInstant(`${value}T00:00:00Z`) !== undefined,
};
const formatNames = { 'date-time': 'an RFC 3339 instant from 1970 to 9000', email: 'an email address', uri: 'a URL', duration: 'an ISO 8601 duration', date: 'a date YYYY-MM-DD' };

export function integer(min: number, max: number): Schema {
  return (value, pointer, errors) => {
    if (typeof value !== 'number' || !Number.isInteger(value)) errors.push({ pointer, detail: 'must be an integer' });
    else if (value < min || value > max) errors.push({ pointer, detail: `must be from ${min} to ${max}` });
  };
}

export function number(min: number, max: number): Schema {
  return (value, pointer, errors) => {
    if (typeof value !== 'number' || !Number.isFinite(value)) errors.push({ pointer, detail: 'must be a number' });
    else if (value < min || value > max) errors.push({ pointer, detail: `must be from ${min} to ${max}` });
  };
}

export const boolean: Schema = (value, pointer, errors) => {
  if (typeof value !== 'boolean') errors.push({ pointer, detail: 'must be a boolean' });
};

export function oneOf(values: readonly string[]): Schema {
  return (value, pointer, errors) => {
    if (typeof value !== 'string' || !values.includes(value)) errors.push({ pointer, detail: `must be one of ${values.join(', ')}` });
  };
}

export function array(item: Schema, options: { min?: number; max: number; unique?: boolean }): Schema {
  return (value, pointer, errors) => {
    if (!Array.isArray(value)) return void errors.push({ pointer, detail: 'must be an array' });
    if (options.min !== undefined && value.length < options.min) errors.push({ pointer, detail: `must have at least ${options.min} items` });
    if (value.length > options.max) return void errors.push({ pointer, detail: `must have at most ${options.max} items` });
    if (options.unique && new Set(value.map((v) => JSON.stringify(v))).size !== value.length) errors.push({ pointer, detail: 'must not repeat an item' });
    value.forEach((v, index) => item(v, `${pointer}/${index}`, errors));
  };
}

/** An object whose unknown properties are invalid, except extensions when allowed. */
export function object(properties: Record<string, Schema>, options: { required?: string[]; extensions?: boolean; minProperties?: number } = {}): Schema {
  return (value, pointer, errors) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return void errors.push({ pointer, detail: 'must be an object' });
    const record = value as Record<string, unknown>;
    if (options.minProperties && Object.keys(record).length < options.minProperties) errors.push({ pointer, detail: `must have at least ${options.minProperties} property` });
    for (const name of options.required ?? []) if (!(name in record)) errors.push({ pointer: `${pointer}/${escape(name)}`, detail: 'is required' });
    for (const [name, v] of Object.entries(record)) {
      const schema = properties[name];
      if (schema) schema(v, `${pointer}/${escape(name)}`, errors);
      else if (!(options.extensions && extension.test(name))) errors.push({ pointer: `${pointer}/${escape(name)}`, detail: 'is not a property of this object' });
    }
  };
}

/** A map with names matching `names` and values of `value`. */
export function map(names: Schema, value: Schema, max: number): Schema {
  return (input, pointer, errors) => {
    if (typeof input !== 'object' || input === null || Array.isArray(input)) return void errors.push({ pointer, detail: 'must be an object' });
    const entries = Object.entries(input);
    if (entries.length > max) errors.push({ pointer, detail: `must have at most ${max} properties` });
    for (const [name, v] of entries) {
      names(name, `${pointer}/${escape(name)}`, errors);
      value(v, `${pointer}/${escape(name)}`, errors);
    }
  };
}

export function check(schema: Schema, value: unknown, pointer = ''): FieldError[] {
  const errors: FieldError[] = [];
  schema(value, pointer, errors);
  return errors;
}

function escape(name: string): string {
  return name.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** How deep a JSON value nests (a scalar is 0), without recursion: a hostile body may nest deeply. */
export function depth(value: unknown): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [node, level] = stack.pop()!;
    if (typeof node !== 'object' || node === null) continue;
    deepest = Math.max(deepest, level + 1);
    for (const child of Object.values(node)) stack.push([child, level + 1]);
  }
  return deepest;
}
