/**
 * Copies a secret shown once to the clipboard; where the page may not (no permission, no secure
 * context), selects it in its field for the keyboard. Answers what to tell the person.
 */
export async function copySecret(secret: string, field: HTMLInputElement | null, words: { copied: string; copyByHand: string }): Promise<string> {
  try {
    await navigator.clipboard.writeText(secret);
    return words.copied;
  } catch {
    field?.select();
    return words.copyByHand;
  }
}
