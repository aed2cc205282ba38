// Do not modify this file by hand: `npm run localize -w packages/elements` writes it (scripts/localize.ts).
// The translations of the messages of src/my-bookings/ (my-bookings.ts):
// loaded for a page in one of these languages.
import type { Messages } from '../localization.ts';

const messages: Messages = {
  fr: () => import('./my-bookings.fr.ts'),
};
export default messages;
