import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
async function size(stub: string[]) {
  const r = await build({ entryPoints: ['packages/elements/src/event-calendar/define.ts'], bundle: true, minify: true, format: 'esm', target: 'es2022', conditions: ['source', 'browser'], write: false, splitting: true, outdir: '/tmp/meta-out', define: { 'process.env.NODE_ENV': '"production"' },
    plugins: [{ name: 'stub', setup(b) { b.onResolve({ filter: /.*/ }, (a) => { for (const s of stub) if (a.path.endsWith(s)) return { path: `/tmp/stubs/${s.includes('dialog') ? 'dialog.ts' : 'empty.ts'}` }; return undefined; }); } }] });
  return r.outputFiles.filter((f) => !f.path.includes('fr-')).reduce((n, f) => n + gzipSync(f.contents, { level: 9 }).length, 0);
}
import { writeFileSync } from 'node:fs';
writeFileSync('/tmp/stubs/empty.ts', 'export {}; export const eventCalendarStyles = []; ');
const full = await size([]);
console.log('full', full);
console.log('- dialog', full - await size(['./event-dialog.ts']));
console.log('- dialog - signin', full - await size(['./event-dialog.ts', '../sign-in/define.ts']));
console.log('- styles', full - await size(['./event-calendar.styles.ts']));
