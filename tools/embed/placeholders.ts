/**
 * The examples and docs/embed.md address the CDN and the API by placeholder origins, as a reader
 * would see them. The tests serve every example with these origins replaced by local servers, and
 * change nothing else.
 */
const placeholderOrigins = {
  cdn: 'https://cdn.example',
  api: 'https://api.la-ruche.example',
} as const;

export type Origins = Record<keyof typeof placeholderOrigins, string>;

/** `text` with each placeholder origin replaced by the real one. */
export function pointAt(text: string, origins: Origins): string {
  return text.replaceAll(placeholderOrigins.cdn, origins.cdn).replaceAll(placeholderOrigins.api, origins.api);
}
