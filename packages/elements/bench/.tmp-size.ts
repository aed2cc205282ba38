import { kB, measureBundles } from '../../../tools/browser/measure.ts';
const root = process.cwd() + '/packages/elements/src';
const sizes = await measureBundles({ full: `import '${root}/event-calendar/define.ts';` });
for (const s of sizes) console.log(s.name.padEnd(10), kB(s.minified), kB(s.gzip));
