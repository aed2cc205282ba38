import { css } from 'lit';

export const spaceStyles = css`
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
