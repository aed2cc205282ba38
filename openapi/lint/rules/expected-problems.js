/**
 * Operations declare the problems they can return: 400 when they take input, 413 when they
 * take a body, 401 when they
 * need credentials, 404 when they address an object by id, 412 with If-Match and 428 too
 * unless their If-Match is optional (`x-cowork-precondition: optional`: a change without it is
 * applied), and 422 with Idempotency-Key.
 */
export default function expectedProblems() {
  // Under `paths` only: a webhook's responses are the receiver's, not problems the server sends.
  return {
    Paths: {
     PathItem: {
      Operation(operation, ctx, parents) {
        const pathParams = (parents.PathItem.parameters ?? []).concat(operation.parameters ?? []).map((p) => ctx.resolve(p).node);
        const responses = operation.responses ?? {};
        const need = (status, why) => {
          if (!responses[status]) ctx.report({ message: `Declare a ${status} problem response (${why}).`, location: ctx.location.child('responses').key() });
        };
        const input = pathParams.some((p) => p.in !== 'path' || p.name !== 'spaceId') || operation.requestBody;
        if (input) need('400', 'the operation takes input');
        if (operation.requestBody) need('413', 'request bodies are size-limited');
        const security = operation.security ?? [];
        if (security.length > 0 && !security.some((s) => Object.keys(s).length === 0)) need('401', 'the operation needs credentials');
        if (pathParams.some((p) => p.in === 'path')) need('404', 'the operation addresses an object by id');
        const ifMatch = pathParams.find((p) => p.in === 'header' && p.name === 'If-Match');
        if (ifMatch) {
          need('412', 'If-Match can be outdated');
          if (ifMatch['x-cowork-precondition'] !== 'optional') need('428', 'If-Match can be missing');
        }
        if (pathParams.some((p) => p.in === 'header' && p.name === 'Idempotency-Key')) need('422', 'Idempotency-Key can be reused');
        need('429', 'any server may rate-limit');
      },
     },
    },
  };
}
