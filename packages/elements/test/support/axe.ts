/**
 * Accessibility checks with axe-core, loaded into the page from node_modules (once).
 *
 * Exports `expectNoAxeViolations(element, options?)`: runs axe on `element` — its shadow content
 * included — and fails with a readable list (rule, impact, help, and the offending nodes) when
 * anything is wrong. `options.disable`: rule ids to skip, with a reason in the test.
 */
interface AxeResult {
  violations: { id: string; impact: string | null; help: string; helpUrl: string; nodes: { target: unknown[]; failureSummary?: string }[] }[];
}
interface Axe {
  run(context: Element, options: object): Promise<AxeResult>;
}

let loading: Promise<Axe> | undefined;

function loadAxe(): Promise<Axe> {
  loading ??= new Promise((resolve, reject) => {
    const existing = (window as unknown as { axe?: Axe }).axe;
    if (existing) return resolve(existing);
    const script = document.createElement('script');
    script.src = '/node_modules/axe-core/axe.min.js';
    script.onload = () => resolve((window as unknown as { axe: Axe }).axe);
    script.onerror = () => reject(new Error('could not load axe-core from /node_modules/axe-core/axe.min.js'));
    document.head.append(script);
  });
  return loading;
}

export async function expectNoAxeViolations(element: Element, options: { disable?: string[] } = {}): Promise<void> {
  const axe = await loadAxe();
  // Let the live region's delayed text settle, and transitions end, so colours are final.
  await new Promise((wake) => setTimeout(wake, 150));
  const finite = document.getAnimations().filter((a) => a.playState === 'running' && a.effect?.getComputedTiming().iterations !== Infinity);
  await Promise.race([Promise.all(finite.map((a) => a.finished.catch(() => {}))), new Promise((wake) => setTimeout(wake, 2000))]);
  const rules = Object.fromEntries((options.disable ?? []).map((id) => [id, { enabled: false }]));
  const result = await axe.run(element, { rules, resultTypes: ['violations'] });
  if (result.violations.length === 0) return;
  const lines = result.violations.map(
    (v) =>
      `- ${v.id} (${v.impact ?? 'n/a'}): ${v.help}\n    ${v.helpUrl}\n` +
      v.nodes.map((n) => `    at ${JSON.stringify(n.target)}\n      ${(n.failureSummary ?? '').replace(/\n/g, '\n      ')}`).join('\n'),
  );
  throw new Error(`axe found ${result.violations.length} accessibility violation(s) in <${element.localName}>:\n${lines.join('\n')}`);
}
