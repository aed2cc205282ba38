// Type machinery that turns openapi-typescript's `paths` into typed routes, options and results.

export type HttpMethod = 'get' | 'put' | 'post' | 'delete' | 'patch' | 'head' | 'options' | 'trace';

/** Every `"METHOD /path"` the API description defines, like Octokit's routes. */
export type Route<Paths> = {
  [P in keyof Paths & string]: {
    [M in HttpMethod]: Paths[P] extends { [K in M]: infer O } ? ([O] extends [never] ? never : `${Uppercase<M>} ${P}`) : never;
  }[HttpMethod];
}[keyof Paths & string];

/** The operation object behind a route. */
export type OperationAt<Paths, R extends string> = R extends `${infer M} ${infer P}`
  ? P extends keyof Paths
    ? Lowercase<M> extends keyof Paths[P]
      ? Paths[P][Lowercase<M>]
      : never
    : never
  : never;

type ParamGroup<Op, G extends string> = Op extends { parameters: infer Ps } ? (G extends keyof Ps ? Exclude<Ps[G], undefined> : never) : never;

type Slot<Name extends string, T> = [T] extends [never]
  ? { [K in Name]?: never }
  : {} extends T
    ? { [K in Name]?: T }
    : { [K in Name]: T };

type MediaOf<C> = C extends { 'application/json': infer J } ? J : C extends { [type: string]: infer Any } ? Any : never;

/** The JSON body an operation takes, or never. */
export type RequestBody<Op> = Op extends { requestBody?: infer B } ? (Exclude<B, undefined> extends { content: infer C } ? MediaOf<C> : never) : never;

type BodySlot<Op> = [RequestBody<Op>] extends [never]
  ? { body?: never }
  : Op extends { requestBody: unknown }
    ? { body: RequestBody<Op> }
    : { body?: RequestBody<Op> };

/** Headers the client sets itself, so callers may leave them out. */
type ClientHeaders = 'Idempotency-Key';

type HeaderSlot<Op, Auto extends boolean> = Auto extends true
  ? Slot<'header', Omit<ParamGroup<Op, 'header'>, ClientHeaders> & { [K in ClientHeaders]?: string }>
  : Slot<'header', ParamGroup<Op, 'header'>>;

/** Operations a guest may call with the secret token of their booking or registration. */
type GuestSlot<Guest extends boolean> = Guest extends true ? { /** The `guestToken` given when the guest booked or registered. */ guestToken?: string } : { guestToken?: never };

/** What a call takes: path and query parameters, headers and body, each as the spec says. */
export type RequestOptions<Op, Auto extends boolean = false, Guest extends boolean = false> = Slot<'path', ParamGroup<Op, 'path'>> &
  Slot<'query', ParamGroup<Op, 'query'>> &
  HeaderSlot<Op, Auto> &
  GuestSlot<Guest> &
  BodySlot<Op> & {
    /** Aborts the request. */
    signal?: AbortSignal;
    /** Overrides the client's per-attempt timeout, in milliseconds. */
    timeout?: number;
  };

type SuccessStatus = 200 | 201 | 202 | 203 | 204 | 206 | '2XX';

/** The body of an operation's successful responses (undefined for 204). */
export type ResponseData<Op> = Op extends { responses: infer R }
  ? {
      [S in keyof R]: S extends SuccessStatus ? (R[S] extends { content: infer C } ? MediaOf<C> : undefined) : never;
    }[keyof R]
  : never;

export interface CoworkResponse<T> {
  data: T;
  status: number;
  headers: Headers;
  /** The `ETag` header, to send back in `If-Match` when changing the object. */
  etag: string | undefined;
}

/** True when every key of T is optional, so the options argument may be left out. */
type AllOptional<T> = {} extends T ? true : false;

/** The arguments after the route (or after the client, for operation functions). */
export type OptionsArg<Op, Auto extends boolean = false, Guest extends boolean = false> =
  AllOptional<RequestOptions<Op, Auto, Guest>> extends true ? [options?: RequestOptions<Op, Auto, Guest>] : [options: RequestOptions<Op, Auto, Guest>];
