import { build } from 'esbuild';
const entry = process.argv[2] ?? 'packages/elements/src/event-calendar/define.ts';
const r = await build({ entryPoints: [entry], bundle: true, minify: true, format: 'esm', target: 'es2022', conditions: ['source', 'browser'], write: false, metafile: true, splitting: true, outdir: '/tmp/meta-out', define: { 'process.env.NODE_ENV': '"production"' } });
for (const [out, o] of Object.entries(r.metafile.outputs)) {
  console.log(out, o.bytes);
  const rows = Object.entries(o.inputs).sort((a, b) => b[1].bytesInOutput - a[1].bytesInOutput).slice(0, 40);
  for (const [p, i] of rows) console.log('  ', String(i.bytesInOutput).padStart(7), p);
}
