/** Every operation shows an example of its request body and of each successful response body. */
export default function operationExamples() {
  const hasExample = (media) => media && (media.example !== undefined || Object.keys(media.examples ?? {}).length > 0);
  return {
    Operation(operation, ctx) {
      const body = operation.requestBody;
      for (const [type, media] of Object.entries(body?.content ?? {})) {
        if (!hasExample(ctx.resolve(media).node)) {
          ctx.report({ message: `The request body (${type}) needs an example.`, location: ctx.location.child(['requestBody', 'content', type]) });
        }
      }
      for (const [status, responseOrRef] of Object.entries(operation.responses ?? {})) {
        if (!/^2/.test(status)) continue;
        const response = ctx.resolve(responseOrRef).node;
        for (const [type, media] of Object.entries(response?.content ?? {})) {
          if (!hasExample(media)) {
            ctx.report({ message: `The ${status} response (${type}) needs an example.`, location: ctx.location.child(['responses', status, 'content', type]) });
          }
        }
      }
    },
  };
}
