/**
 * Whether `text` is an entry of a space's allowed origins: `*`, or an origin exactly as a browser
 * sends it in `Origin` (an http or https scheme, a lower-case host, a port only when it is not
 * the scheme's default; no path, query or trailing slash), so that CORS can compare them as text.
 */
export function isAllowedOrigin(text: string): boolean {
  if (text === '*') return true;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return false;
  }
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === text;
}
