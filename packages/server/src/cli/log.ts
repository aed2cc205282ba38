import type { FastifyServerOptions } from 'fastify';
import type { ServerConfig } from '../config.ts';
import { logRequest } from '../http/redact.ts';

const levels: Record<number, [string, string]> = {
  10: ['TRACE', '\x1b[90m'],
  20: ['DEBUG', '\x1b[36m'],
  30: ['INFO ', '\x1b[32m'],
  40: ['WARN ', '\x1b[33m'],
  50: ['ERROR', '\x1b[31m'],
  60: ['FATAL', '\x1b[35m'],
};
const reset = '\x1b[0m';
const dim = '\x1b[2m';
/** Keys every line has, or that the pretty line shows in its own way. */
const shown = new Set(['level', 'time', 'pid', 'hostname', 'msg', 'reqId', 'req', 'res', 'responseTime', 'err']);

/** Fastify's logger (pino): JSON lines for log collectors, or readable lines for people. */
export function loggerOptions(config: Pick<ServerConfig, 'logLevel' | 'logFormat'>, output: NodeJS.WritableStream = process.stdout): FastifyServerOptions['logger'] {
  const serializers = { req: logRequest as never };
  if (config.logFormat === 'json') return { level: config.logLevel, serializers, ...(output === process.stdout ? {} : { stream: output as never }) };
  const color = (output as { isTTY?: boolean }).isTTY === true && !process.env.NO_COLOR;
  return { level: config.logLevel, serializers, stream: prettyStream(output, color) };
}

/**
 * Turns pino's JSON lines into one readable line each: time, level, message and the other
 * fields as key=value. A request shows as one line when it completes (method, URL, status and
 * duration), instead of pino's two; multi-line messages (the mails written to the log) are
 * indented under their first line.
 */
export function prettyStream(output: NodeJS.WritableStream, color: boolean): { write(line: string): void } {
  const requests = new Map<string, string>();
  const paint = (code: string, text: string) => (color ? `${code}${text}${reset}` : text);
  return {
    write(line: string) {
      let entry: Record<string, any>;
      try {
        entry = JSON.parse(line);
      } catch {
        output.write(line);
        return;
      }
      const [name, code] = levels[entry.level as number] ?? ['LOG  ', ''];
      const time = new Date(entry.time ?? Date.now()).toTimeString().slice(0, 8);
      let message = String(entry.msg ?? '');
      if (entry.reqId !== undefined && entry.req && message === 'incoming request') {
        if (requests.size > 10_000) requests.clear(); // requests that never completed
        requests.set(entry.reqId, `${entry.req.method} ${entry.req.url}`);
        return;
      }
      if (entry.reqId !== undefined && entry.res && message === 'request completed') {
        const request = requests.get(entry.reqId) ?? 'request';
        requests.delete(entry.reqId);
        const status = Number(entry.res.statusCode);
        const statusText = paint(status >= 500 ? levels[50]![1] : status >= 400 ? levels[40]![1] : levels[30]![1], String(status));
        message = `${request} → ${statusText} ${paint(dim, `${Math.round(entry.responseTime ?? 0)} ms`)}`;
      } else if (entry.reqId !== undefined && requests.has(entry.reqId)) {
        message = `${message} ${paint(dim, `(${requests.get(entry.reqId)})`)}`;
      }
      const [first, ...rest] = message.split('\n');
      const extra = Object.entries(entry)
        // Fields the message already tells (a mail's address and subject) are not repeated.
        .filter(([key, value]) => !shown.has(key) && !(typeof value === 'string' && first!.includes(value)))
        .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`);
      const prefix = `${paint(dim, time)} ${paint(code, name)} `;
      const indent = ' '.repeat(15);
      let text = `${prefix}${first}${extra.length > 0 ? ` ${paint(dim, extra.join(' '))}` : ''}\n`;
      for (const more of rest) text += `${indent}${more}\n`;
      if (entry.err?.stack) text += `${indent}${String(entry.err.stack).split('\n').join(`\n${indent}`)}\n`;
      output.write(text);
    },
  };
}
