// Do not modify this file by hand: `npm run localize -w packages/elements` writes it (scripts/localize.ts).
// The translations of the messages of src/member-directory/ (member-directory.ts):
// loaded for a page in one of these languages.
import type { Messages } from '../localization.ts';

const messages: Messages = {
  fr: () => import('./member-directory.fr.ts'),
};
export default messages;
