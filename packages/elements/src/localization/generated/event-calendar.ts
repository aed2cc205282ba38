// Do not modify this file by hand: `npm run localize -w packages/elements` writes it (scripts/localize.ts).
// The translations of the messages of src/event-calendar/ (event-calendar.ts, event-dialog.ts, list-view.ts, month-view.ts, text.ts, week-view.ts):
// loaded for a page in one of these languages.
import type { Messages } from '../localization.ts';

const messages: Messages = {
  fr: () => import('./event-calendar.fr.ts'),
};
export default messages;
