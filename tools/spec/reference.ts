import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { OpenApiDocument } from './bundle.ts';

const require = createRequire(import.meta.url);

// Redoc's bundle links a logo image from its CDN; the policy keeps the page from reaching out at all.
const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'unsafe-inline' 'unsafe-eval'",
  "style-src 'unsafe-inline'",
  'img-src data: blob:',
  'font-src data:',
  'worker-src blob:',
  "connect-src 'self'",
].join('; ');

/**
 * Renders the API reference as one HTML file that works offline: Redoc's standalone bundle and
 * the spec are inlined, and the theme uses the system's fonts instead of downloading any.
 */
export function renderReference(spec: OpenApiDocument): string {
  const redoc = readFileSync(require.resolve('redoc/bundles/redoc.standalone.js'), 'utf8');
  const options = {
    hideDownloadButton: false,
    expandResponses: '200,201',
    jsonSampleExpandLevel: 3,
    theme: {
      typography: {
        fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
        headings: { fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif' },
        code: { fontFamily: 'ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace' },
      },
      colors: { primary: { main: '#2f6b4f' } },
    },
  };
  const json = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy}">
<title>${escapeHtml(spec.info?.title ?? 'API')} ${escapeHtml(spec.info?.version ?? '')} — reference</title>
<style>body{margin:0}</style>
</head>
<body>
<div id="reference"></div>
<script>${redoc.replace(/<\/script/gi, '<\\/script')}</script>
<script>Redoc.init(${json(spec)}, ${json(options)}, document.getElementById('reference'));</script>
</body>
</html>
`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
