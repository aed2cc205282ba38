import type { FastifyReply, FastifyRequest } from 'fastify';
import type { operations, RequestBody, ResponseData } from '@coworking-commons/client';
import type { Deps } from '../deps.ts';

type Part<O, K extends string> = O extends { parameters: infer P } ? (K extends keyof P ? NonNullable<P[K]> : never) : never;

/** The Fastify request of one operation, typed from the spec (validated before the handler runs). */
export type OperationRequest<Id extends keyof operations> = FastifyRequest<{
  Params: Part<operations[Id], 'path'>;
  Querystring: Part<operations[Id], 'query'>;
  Headers: Part<operations[Id], 'header'>;
  Body: RequestBody<operations[Id]>;
}>;

export type Handler<Id extends keyof operations> = (request: OperationRequest<Id>, reply: FastifyReply) => Promise<ResponseData<operations[Id]>>;

/** Handlers by operationId, as fastify-openapi-glue looks them up. */
export type Handlers = { [Id in keyof operations]?: Handler<Id> };

export type HandlerGroup = (deps: Deps) => Handlers;
