// Do not modify this file by hand: `npm run localize -w packages/elements` writes it (scripts/localize.ts).
// How many characters of a message's id name it in the translations (../message-key.ts):
// the fewest that tell the 357 messages of the elements apart.
export const keyLength = 5;
