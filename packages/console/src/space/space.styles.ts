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
  legend {
    font-weight: 600;
    padding: 0 0.25em;
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
    flex: none;
  }
  .check label {
    margin: 0;
    font-weight: 400;
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
