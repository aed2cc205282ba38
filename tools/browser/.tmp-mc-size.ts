import { kB, measureBundles } from './measure.ts';
const root = '/work/main/packages/elements/src';
const e: Record<string,string> = {};
for (const a of process.argv.slice(2)) { const [n,p] = a.split('='); e[n!] = `import '${root}/${p}';`; }
for (const s of await measureBundles(e)) console.log(s.name.padEnd(12), kB(s.minified), kB(s.gzip));
