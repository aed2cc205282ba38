import { stringify } from 'yaml';
import type { OpenApiDocument } from './bundle.ts';

export const toJson = (doc: OpenApiDocument): string => `${JSON.stringify(doc, null, 2)}\n`;
export const toYaml = (doc: OpenApiDocument): string => stringify(doc, { lineWidth: 0, aliasDuplicateObjects: false });
