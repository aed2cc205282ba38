// npm run build -w packages/console: the staff console as a folder of static files, dist/ —
// index.html, console.js (the entry) and its chunks, for the reference server's /console/ or any
// static host (it finds its files relative to the page). Lit, the client and the elements it uses
// are bundled in: the console loads nothing from elsewhere.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { browserBuildConfig } from '../../../tools/browser/build-config.ts';

const pkg = fileURLToPath(new URL('..', import.meta.url));
export const consoleDist = join(pkg, 'dist');

/** The console's page: the app and nothing else; it follows the browser's language. */
export const consolePage = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Coworking Commons</title>
<link rel="icon" href="data:,">
<script type="module" src="./console.js"></script>
<style>body{margin:0}</style>
</head>
<body>
<cowork-console></cowork-console>
</body>
</html>
`;

/** Builds the console into `outDir` (default dist/). */
export async function buildConsole(outDir = consoleDist): Promise<void> {
  await build(browserBuildConfig({ console: join(pkg, 'src/define.ts') }, outDir));
  writeFileSync(join(outDir, 'index.html'), consolePage);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildConsole();
  console.log(`Built the staff console into ${consoleDist}`);
}
