export { runConformance, type ConformanceOptions } from './run.ts';
export { checks } from './registry.ts';
export type { Check, Context } from './context.ts';
export type { CheckResult, Exchange, Failure, RunResult, Status } from './types.ts';
export { formatProgress, formatSummary } from './report/terminal.ts';
export { toJunit } from './report/junit.ts';
export { toBadge, toHtml } from './report/html.ts';
