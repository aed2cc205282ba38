import { build } from 'vite';
import { writeFileSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { browserBuildConfig } from './build-config.ts';
const dir = '/work/main/node_modules/.cache/cowork-size/mc-lazy';
mkdirSync(dir, { recursive: true });
for (const [name, path] of [['card','member-card/define.ts'],['dir','member-directory/define.ts']]) {
  const entry = `${dir}/${name}.entry.ts`;
  writeFileSync(entry, `import '/work/main/packages/elements/src/${path}';`);
  await build(browserBuildConfig({ [name]: entry }, `${dir}/out-${name}`));
  const out = `${dir}/out-${name}`;
  const all = [`${name}.js`, ...readdirSync(`${out}/chunks`).filter(f => f.endsWith('.js')).map(f => `chunks/${f}`)];
  let total = '';
  for (const f of all) { const c = readFileSync(`${out}/${f}`, 'utf8'); total += c + '\n'; console.log(name, f.padEnd(40), (gzipSync(c,{level:9}).length/1000).toFixed(2), 'kB gz'); }
  const noFr = all.filter(f => !/\/fr-/.test(f)).map(f => readFileSync(`${out}/${f}`, 'utf8')).join('\n');
  console.log(name, 'ALL except fr:', (gzipSync(noFr,{level:9}).length/1000).toFixed(2), 'kB gz');
}
