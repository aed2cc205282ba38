import { createServer } from 'node:http';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import puppeteer from 'puppeteer-core';
import { weekEvents, monthEvents } from './calendar-data.ts';
const view = process.argv[2] ?? 'week';
const out = mkdtempSync(join(tmpdir(), 'prof-'));
await build({ entryPoints: { ours: 'packages/elements/bench/calendar-ours.ts' }, outdir: out, bundle: true, minify: false, format: 'esm', conditions: ['source'], define: { 'process.env.NODE_ENV': '"production"' }, logLevel: 'warning' });
const server = createServer((q, r) => { const p = q.url!; if (p === '/ours.js') { r.writeHead(200, {'content-type':'text/javascript'}); r.end(readFileSync(join(out,'ours.js'))); } else if (p === '/data.json') { r.writeHead(200, {'content-type':'application/json'}); r.end(JSON.stringify(view==='week'?weekEvents(Number(process.argv[4] ?? 200)):monthEvents(Number(process.argv[4] ?? 1000)))); } else { r.writeHead(200, {'content-type':'text/html'}); r.end('<!doctype html><body><script type=module src=/ours.js></script>'); } });
await new Promise<void>((l) => server.listen(0, '127.0.0.1', l));
const port = (server.address() as any).port;
const browser = await puppeteer.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--headless=new','--no-sandbox','--disable-gpu','--no-first-run',`--user-data-dir=${mkdtempSync(join(tmpdir(),'pp-'))}`,'--js-flags=--expose-gc'], defaultViewport: {width:1320,height:1000} });
const page = await browser.newPage();
await page.goto(`http://127.0.0.1:${port}/`);
await page.waitForFunction('window.bench');
await page.evaluate((v) => (window as any).bench.run(v, '/data.json', { date: v==='week'?'2026-03-11':'2026-03-15', variant: '', runs: 5, warmup: 5 }), view);
if (process.argv[3]==='quiet') { const r = await page.evaluate((v) => (window as any).bench.run(v, '/data.json', { date: v==='week'?'2026-03-11':'2026-03-15', variant: '', runs: 30, warmup: 0 }), view); const med=(a:number[])=>a.sort((x,y)=>x-y)[a.length>>1]; console.log('median script', med(r.samples.map((s:any)=>s.script)).toFixed(1), 'layout', med(r.samples.map((s:any)=>s.layout)).toFixed(1), 'frame', med(r.samples.map((s:any)=>s.frame)).toFixed(1)); await browser.close(); server.close(); process.exit(0); }
if (process.argv[3]==='trace') {
  await page.tracing.start({ categories: ['devtools.timeline', 'blink', 'v8.execute'] });
  await page.evaluate((v) => (window as any).bench.run(v, '/data.json', { date: v==='week'?'2026-03-11':'2026-03-15', variant: '', runs: 10, warmup: 0 }), view);
  const buf = await page.tracing.stop();
  const trace = JSON.parse(Buffer.from(buf!).toString("utf8"));
  const sums = new Map<string, number>();
  for (const e of trace.traceEvents ?? trace) { if (e.ph === 'X' && ['UpdateLayoutTree','Layout','Paint','FunctionCall','EvaluateScript','RunMicrotasks','PrePaint','Layerize','ParseHTML','ScheduleStyleRecalculation','HitTest','UpdateLayerTree','IntersectionObserverController::computeIntersections','Document::updateStyleAndLayout', 'v8.run', 'TimerFire', 'FireAnimationFrame', 'Commit'].includes(e.name)) sums.set(e.name, (sums.get(e.name) ?? 0) + (e.tdur ?? e.dur)); }
  console.log([...sums].map(([k,v]) => `${k}: ${(v/1000/10).toFixed(1)} ms/run`).join('\n'));
  await browser.close(); server.close(); process.exit(0);
}
const cdp = await page.createCDPSession();
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
await cdp.send('Profiler.start');
const r = await page.evaluate((v) => (window as any).bench.run(v, '/data.json', { date: v==='week'?'2026-03-11':'2026-03-15', variant: '', runs: 20, warmup: 0 }), view);
const { profile } = await cdp.send('Profiler.stop');
const med=(a:number[])=>a.sort((x,y)=>x-y)[a.length>>1]; console.log('median script', med(r.samples.map((s:any)=>s.script)).toFixed(1), 'layout', med(r.samples.map((s:any)=>s.layout)).toFixed(1), 'frame', med(r.samples.map((s:any)=>s.frame)).toFixed(1)); if (process.argv[3]==='quiet') { await browser.close(); server.close(); process.exit(0); }
// self time by function
const self = new Map<string, number>();
const dt = profile.timeDeltas!; const byId = new Map(profile.nodes.map((n: any) => [n.id, n]));
const counts = new Map<number, number>();
profile.samples!.forEach((id: number, i: number) => counts.set(id, (counts.get(id) ?? 0) + (dt[i] ?? 0)));
for (const [id, t] of counts) { const n: any = byId.get(id); const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`; self.set(key, (self.get(key) ?? 0) + t); }
console.log([...self].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, t]) => `${(t / 1000).toFixed(1)}ms ${k}`).join('\n'));
await browser.close(); server.close();
