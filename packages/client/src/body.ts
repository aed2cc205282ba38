/** The body as JSON when it says so, as text otherwise, nothing for 204 and 205. */
export async function readBody(response: Response): Promise<unknown> {
  if (response.status === 204 || response.status === 205) return undefined;
  const text = await response.text();
  return /json/.test(response.headers.get('content-type') ?? '') && text ? JSON.parse(text) : text;
}
