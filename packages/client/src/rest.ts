import type { CoworkClient } from './client.ts';
import * as operations from './generated/operations.ts';

type Operations = typeof operations;

/** Every operation as a method, like Octokit's `rest.*`. Imports all of them: prefer the functions in bundles for the browser. */
export type RestClient = {
  [Name in keyof Operations]: Operations[Name] extends (client: CoworkClient<any>, ...options: infer A) => infer R ? (...options: A) => R : never;
};

export function createRestClient(client: CoworkClient<any>): RestClient {
  const rest: Record<string, unknown> = {};
  for (const [name, fn] of Object.entries(operations)) rest[name] = (...options: unknown[]) => (fn as (...a: unknown[]) => unknown)(client, ...options);
  return rest as RestClient;
}
