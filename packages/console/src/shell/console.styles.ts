import { css } from 'lit';

/** The console's look: the elements' design tokens (`--cowork-*`), light and dark, for a full page. */
export const consoleTheme = css`
  :host {
    --_accent: var(--cowork-color-accent, #0b6b52);
    --_on-accent: var(--cowork-color-on-accent, #ffffff);
    --_surface: var(--cowork-color-surface, #ffffff);
    --_raised: var(--cowork-color-surface-raised, #f3f5f4);
    --_text: var(--cowork-color-text, #17211d);
    --_muted: var(--cowork-color-muted, #55625c);
    --_border: var(--cowork-color-border, #8a9791);
    --_danger: var(--cowork-color-danger, #b3261e);
    --_success: var(--cowork-color-success, #1d6b35);
    --_focus: var(--cowork-color-focus, #1a5fb4);
    --_warning-bg: #fff4d6;
    --_radius: var(--cowork-radius, 0.5em);
    display: block;
    color: var(--_text);
    background: var(--_surface);
    font-family: var(--cowork-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    font-size: 1rem;
    line-height: 1.45;
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --_accent: var(--cowork-color-accent, #5fd3ad);
      --_on-accent: var(--cowork-color-on-accent, #06261c);
      --_surface: var(--cowork-color-surface, #141a18);
      --_raised: var(--cowork-color-surface-raised, #1f2724);
      --_text: var(--cowork-color-text, #e8efec);
      --_muted: var(--cowork-color-muted, #a9b8b1);
      --_border: var(--cowork-color-border, #6f7f78);
      --_danger: var(--cowork-color-danger, #ffb4ab);
      --_success: var(--cowork-color-success, #8fdca0);
      --_focus: var(--cowork-color-focus, #8ab4f8);
      --_warning-bg: #3a3016;
    }
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  /* A date or time field's picker button takes the focus inside the field, which then matches neither :focus nor :focus-visible. */
  :focus-visible,
  input:focus-within {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  h1,
  h2,
  h3,
  p,
  ul,
  ol {
    margin: 0;
  }
  ul {
    padding: 0;
    list-style: none;
  }
  button,
  input,
  textarea {
    font: inherit;
    color: inherit;
  }
  .button {
    min-height: 2.75em;
    padding: 0.5em 1em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    cursor: pointer;
  }
  .button.primary {
    border-color: var(--_accent);
    background: var(--_accent);
    color: var(--_on-accent);
    font-weight: 600;
  }
  .button.danger {
    border-color: var(--_danger);
    color: var(--_danger);
  }
  .button[disabled] {
    opacity: 0.6;
    cursor: progress;
  }
  label {
    display: block;
    font-weight: 600;
    margin-bottom: 0.25em;
  }
  input,
  textarea {
    width: 100%;
    min-height: 2.75em;
    padding: 0.5em 0.75em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .field-error {
    color: var(--_danger);
    margin-top: 0.25em;
  }
  .muted {
    color: var(--_muted);
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;

/** The parts every section's forms and lists share: fields, rows, check boxes, groups, confirmations and errors. */
export const formStyles = css`
  .field {
    display: grid;
    gap: 0.25em;
  }
  .field label {
    margin: 0;
  }
  .actions,
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em 1em;
    align-items: start;
  }
  .row > .field {
    flex: 1 1 10em;
  }
  select {
    width: 100%;
    min-height: 2.75em;
    padding: 0.5em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: inherit;
    font: inherit;
  }
  .check {
    display: flex;
    gap: 0.5em;
    align-items: center;
  }
  .check input {
    width: 1.25em;
    min-height: 1.25em;
  }
  .check label {
    margin: 0;
    font-weight: 400;
  }
  fieldset {
    display: grid;
    gap: 0.6em;
    margin: 0;
    padding: 0.75em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  legend {
    font-weight: 600;
    padding: 0 0.25em;
  }
  .confirm {
    display: grid;
    gap: 0.5em;
    padding: 0.75em;
    border: 1px solid var(--_danger);
    border-radius: var(--_radius);
  }
  .error {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75em;
    align-items: center;
    padding: 0.75em 1em;
    border: 1px solid var(--_danger);
    border-radius: var(--_radius);
  }
`;

/** A long form in bordered groups (the space, a resource): its fieldsets, rows of fields aligned on their inputs, items, check boxes and notices. */
export const groupedFormStyles = css`
  :host {
    display: block;
  }
  form {
    display: grid;
    gap: 1em;
    max-width: 60em;
  }
  h2 {
    font-size: 1.3em;
  }
  fieldset {
    display: grid;
    gap: 0.6em;
    min-width: 0;
    margin: 0;
    padding: 0.75em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_raised);
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em 1em;
    align-items: end;
  }
  .row > .field {
    flex: 1 1 9em;
    min-width: 0;
  }
  .item {
    padding-bottom: 0.6em;
    border-bottom: 1px solid var(--_border);
  }
  .check input {
    width: 1.25em;
    min-height: 1.25em;
    flex: none;
  }
  .notice {
    padding: 0.75em 1em;
    border: 1px solid var(--_danger);
    border-radius: var(--_radius);
    background: var(--_warning-bg);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em 1em;
  }
`;

/** A section's frame: its heading and the toolbar beside it, its parts stacked. */
export const sectionStyles = css`
  :host {
    display: block;
  }
  section {
    display: grid;
    gap: 1em;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75em;
    align-items: center;
    justify-content: space-between;
  }
  h2 {
    font-size: 1.3em;
  }
  h3 {
    font-size: 1.1em;
  }
`;

/** Cards in columns (organisations, events, plans), and the form that takes a card's place across the columns. */
export const cardListStyles = css`
  .cards {
    display: grid;
    gap: 0.75em;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 22em), 1fr));
  }
  .card,
  .card-form {
    display: grid;
    gap: 0.6em;
    align-content: start;
    padding: 1em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_raised);
  }
  .wide {
    grid-column: 1 / -1;
  }
`;
