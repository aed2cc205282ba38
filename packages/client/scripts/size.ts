// npm run size — the gzipped weight of the client in browsers, against its budgets.
import { kB, measureBundles } from '../../../tools/browser/measure.ts';
import { sizeEntries } from './size-entries.ts';

const sizes = await measureBundles(Object.fromEntries(Object.entries(sizeEntries).map(([name, e]) => [name, e.source])));
let over = false;
for (const { name, minified, gzip } of sizes) {
  const budget = sizeEntries[name as keyof typeof sizeEntries].budget;
  over ||= gzip > budget;
  console.log(`${name.padEnd(24)} ${kB(minified).padStart(10)} minified  ${kB(gzip).padStart(9)} gzip  (budget ${kB(budget)})${gzip > budget ? '  OVER BUDGET' : ''}`);
}
if (over) process.exit(1);
