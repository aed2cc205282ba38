/**
 * The elements' Custom Elements Manifest (packages/elements/custom-elements.json) as Storybook
 * argTypes and descriptions, for the docs pages' tables. Storybook's own reading of a manifest
 * keys everything by name, so a part named like an attribute (`resource`, `date`, `title`)
 * replaced the attribute; here attributes and properties are keyed by their property (the args
 * the stories set) and the rest by kind (`part:resource`, `event:cowork-error`…).
 */
import type { ArgTypes, InputType } from 'storybook/internal/types';
import manifest from '../../packages/elements/custom-elements.json' with { type: 'json' };

interface Item {
  name: string;
  description?: string;
  type?: { text: string };
  default?: string;
}

interface Declaration {
  tagName?: string;
  summary?: string;
  description?: string;
  attributes?: (Item & { fieldName?: string })[];
  members?: (Item & { kind: string; privacy?: string; attribute?: string; static?: boolean })[];
  events?: Item[];
  slots?: Item[];
  cssParts?: Item[];
  cssProperties?: Item[];
}

const declarations = (manifest as { modules: { declarations?: Declaration[] }[] }).modules.flatMap((m) => m.declarations ?? []);

const declarationOf = (tag: string): Declaration | undefined => declarations.find((d) => d.tagName === tag);

/** Every event the elements document. */
export const documentedEvents = (): string[] => [...new Set(declarations.flatMap((d) => d.events ?? []).map((e) => e.name))];

/** A control for a TypeScript type of the manifest (`string | undefined`, `boolean`…); none for objects. */
function controlFor(type: string | undefined): InputType['control'] {
  const kinds = (type ?? '').split('|').map((t) => t.trim()).filter((t) => t !== 'undefined' && t !== 'null');
  const kind = kinds.length === 1 ? kinds[0] : undefined;
  return kind === 'boolean' ? { type: 'boolean' } : kind === 'number' ? { type: 'number' } : kind === 'string' ? { type: 'text' } : false;
}

function entry(item: Item, category: string, name = item.name, control: InputType['control'] = false): InputType {
  return {
    name,
    description: item.description ?? '',
    control,
    table: { category, ...(item.type ? { type: { summary: item.type.text } } : {}), ...(item.default ? { defaultValue: { summary: item.default } } : {}) },
  };
}

export function argTypesOf(tag: string): ArgTypes {
  const d = declarationOf(tag);
  if (!d) return {};
  const argTypes: ArgTypes = {};
  for (const a of d.attributes ?? []) argTypes[a.fieldName ?? a.name] = entry(a, 'attributes', a.name, controlFor(a.type?.text));
  for (const m of d.members ?? []) {
    if (m.kind === 'field' && m.privacy !== 'private' && m.privacy !== 'protected' && !m.static && !m.attribute) argTypes[m.name] = entry(m, 'properties');
  }
  for (const e of d.events ?? []) argTypes[`event:${e.name}`] = entry(e, 'events');
  for (const s of d.slots ?? []) argTypes[`slot:${s.name || 'default'}`] = entry(s, 'slots', s.name || '(default)');
  for (const p of d.cssParts ?? []) argTypes[`part:${p.name}`] = entry(p, 'css shadow parts');
  for (const p of d.cssProperties ?? []) argTypes[`cssprop:${p.name}`] = entry(p, 'css custom properties');
  return argTypes;
}

/** The element's description from its manifest, then what its stories add. */
export function describeElement(tag: string, stories: string): { docs: { description: { component: string } } } {
  const d = declarationOf(tag);
  return { docs: { description: { component: [d?.description, `**In these stories:** ${stories}`].filter(Boolean).join('\n\n') } } };
}
