// Do not modify this file by hand: `npm run localize -w packages/elements` writes it (scripts/localize.ts).
// The translations of the messages of src/sign-in/ (sign-in.ts):
// loaded for a page in one of these languages.
import type { Messages } from '../localization.ts';

const messages: Messages = {
  fr: () => import('./sign-in.fr.ts'),
};
export default messages;
