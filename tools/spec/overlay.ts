import { createRequire } from 'node:module';
import type { OpenApiDocument } from './bundle.ts';

const require = createRequire(import.meta.url);
const { openapiOverlay } = require('openapi-format') as {
  openapiOverlay(doc: OpenApiDocument, options: { overlaySet: unknown }): Promise<{ data: OpenApiDocument; resultData: { unusedActions: { target: string }[] } }>;
};

/**
 * Applies an OpenAPI Overlay (1.0) to a copy of the document. An action whose target matches
 * nothing is an error: it is almost always a typo, and silently ignoring it would ship a spec
 * without the extension its author believes is there.
 */
export async function applyOverlay(doc: OpenApiDocument, overlay: Record<string, any>): Promise<OpenApiDocument> {
  if (!/^1\.[01]\.\d+$/.test(String(overlay.overlay))) throw new Error(`Unsupported overlay version "${overlay.overlay}"; use 1.0.0.`);
  const { data, resultData } = await openapiOverlay(structuredClone(doc), { overlaySet: overlay });
  if (resultData.unusedActions.length > 0) {
    throw new Error(`Overlay actions matched nothing: ${resultData.unusedActions.map((a) => a.target).join(', ')}`);
  }
  return data;
}
