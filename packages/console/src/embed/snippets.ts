/** The elements a space pastes into its website, in the order the section shows them. */
export const embeddable = ['cowork-booking', 'cowork-event-calendar', 'cowork-member-directory', 'cowork-my-bookings', 'cowork-sign-in'] as const;

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The snippet of one element for this API and space: its entry's script from `cdn`, then the tag (docs/embed.md, "The snippet"). */
export function snippetOf(tag: string, cdn: string, api: string, space: string): string {
  const base = cdn.endsWith('/') ? cdn : `${cdn}/`;
  return `<script type="module" src="${escape(base)}${tag}.js"></script>\n<${tag} api="${escape(api)}" space="${escape(space)}"></${tag}>`;
}
