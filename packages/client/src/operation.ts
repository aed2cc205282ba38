import type { Call, CoworkClient } from './client.ts';
import type { CoworkResponse, OptionsArg, ResponseData } from './types.ts';

/** A typed function for one operation of the spec, taking the client as its first argument. */
export type OperationFunction<Op, Auto extends boolean = false, Guest extends boolean = false> = (
  client: CoworkClient<any>,
  ...options: OptionsArg<Op, Auto, Guest>
) => Promise<CoworkResponse<ResponseData<Op>>>;

/**
 * Makes the function for one operation. The generated operations module calls this once per
 * operationId; each result is a separate export, so a bundle only keeps the ones it imports.
 */
export function operation<Op, Auto extends boolean = false, Guest extends boolean = false>(route: string, idempotent?: Auto): OperationFunction<Op, Auto, Guest> {
  return ((client: CoworkClient<any>, options: Omit<Call, 'route'> = {}) =>
    client.call({ ...options, route, idempotent: idempotent === true })) as OperationFunction<Op, Auto, Guest>;
}
