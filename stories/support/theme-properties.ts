/**
 * The public custom properties of the elements (packages/elements/src/theme/theme.ts and the
 * elements' own), with their built-in values, for the theming story's controls.
 * tools/storybook/theme-properties.test.ts checks that every `@cssprop` of the Custom Elements
 * Manifest is here.
 */
export interface ThemeProperty {
  name: `--cowork-${string}`;
  /** `color` gets a colour picker; `text` a text field (lengths, font stacks). */
  kind: 'color' | 'text';
  /** The built-in value, and the dark one when it differs. */
  light: string;
  dark?: string;
  description: string;
}

export const themeProperties: readonly ThemeProperty[] = [
  { name: '--cowork-color-accent', kind: 'color', light: '#0b6b52', dark: '#5fd3ad', description: 'Buttons, links, the selected day and time, events.' },
  { name: '--cowork-color-on-accent', kind: 'color', light: '#ffffff', dark: '#06261c', description: 'Text on the accent colour.' },
  { name: '--cowork-color-surface', kind: 'color', light: '#ffffff', dark: '#141a18', description: 'The background.' },
  { name: '--cowork-color-surface-raised', kind: 'color', light: '#f3f5f4', dark: '#1f2724', description: 'Cards and panels.' },
  { name: '--cowork-color-text', kind: 'color', light: '#17211d', dark: '#e8efec', description: 'Text.' },
  { name: '--cowork-color-muted', kind: 'color', light: '#55625c', dark: '#a9b8b1', description: 'Secondary text.' },
  { name: '--cowork-color-border', kind: 'color', light: '#8a9791', dark: '#6f7f78', description: 'Borders of fields, buttons and cards.' },
  { name: '--cowork-color-danger', kind: 'color', light: '#b3261e', dark: '#ffb4ab', description: 'Errors and cancel buttons.' },
  { name: '--cowork-color-success', kind: 'color', light: '#1d6b35', dark: '#8fdca0', description: 'Confirmations.' },
  { name: '--cowork-color-focus', kind: 'color', light: '#1a5fb4', dark: '#8ab4f8', description: 'The focus ring.' },
  { name: '--cowork-font-family', kind: 'text', light: "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif", description: 'The font.' },
  { name: '--cowork-font-size', kind: 'text', light: 'medium', description: 'The base font size; every size inside is in em.' },
  { name: '--cowork-radius', kind: 'text', light: '0.5em', description: 'Corner radius.' },
  { name: '--cowork-space-1', kind: 'text', light: '0.25em', description: 'Spacing, smallest.' },
  { name: '--cowork-space-2', kind: 'text', light: '0.5em', description: 'Spacing.' },
  { name: '--cowork-space-3', kind: 'text', light: '1em', description: 'Spacing.' },
  { name: '--cowork-space-4', kind: 'text', light: '1.5em', description: 'Spacing, largest.' },
  { name: '--cowork-avatar-size', kind: 'text', light: '5em', description: 'A member card’s picture (3em in the compact variant).' },
  { name: '--cowork-directory-column', kind: 'text', light: '17em', description: 'The narrowest a column of the member directory gets.' },
];
