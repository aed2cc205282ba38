import { css } from 'lit';

export const keysStyles = css`
  :host {
    display: block;
    min-width: 0;
  }
  h2 {
    font-size: 1.3em;
  }
  h3 {
    font-size: 1.05em;
  }
  [tabindex='-1']:focus {
    outline: none;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.75em;
    margin-bottom: 0.5em;
  }
  .intro {
    margin-bottom: 1em;
  }
  .notice {
    margin-bottom: 1em;
    padding: 0.5em 0.75em;
    border-inline-start: 4px solid var(--_accent);
    background: var(--_raised);
  }
  .notice:empty {
    margin: 0;
    padding: 0;
    border: 0;
  }
  .panel,
  .secret {
    max-width: 44em;
    display: grid;
    gap: 0.75em;
    padding: 1em;
    margin-bottom: 1.25em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .secret {
    border: 2px solid var(--_accent);
    background: var(--_raised);
  }
  .warning {
    padding: 0.5em 0.75em;
    background: var(--_warning-bg);
    border-radius: 0.25em;
  }
  .mono {
    font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
    overflow-wrap: anywhere;
  }
  .field {
    margin: 0 0 0.9em;
    min-width: 0;
  }
  fieldset {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.5em 0.9em 0.75em;
  }
  .check {
    display: flex;
    align-items: baseline;
    gap: 0.5em;
    padding: 0.2em 0;
  }
  .check input {
    width: 1.25em;
    height: 1.25em;
    min-height: 0;
    flex: none;
  }
  .check label {
    font-weight: 600;
    margin: 0;
  }
  .check .muted {
    font-weight: 400;
  }
  .hint {
    font-size: 0.9em;
    margin-top: 0.25em;
  }
  .form-error,
  .error {
    color: var(--_danger);
    padding: 0.5em 0.75em;
    border: 1px solid var(--_danger);
    border-radius: var(--_radius);
  }
  .error {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75em;
    align-items: center;
    margin-bottom: 1em;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }
  .keys {
    display: grid;
    gap: 0.75em;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 22em), 1fr));
  }
  .card {
    display: grid;
    gap: 0.5em;
    align-content: start;
    padding: 0.75em 1em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_raised);
  }
  .key-name {
    overflow-wrap: anywhere;
  }
  dl {
    display: grid;
    gap: 0.2em;
    margin: 0;
  }
  dl div {
    display: flex;
    flex-wrap: wrap;
    gap: 0 0.5em;
  }
  dt {
    color: var(--_muted);
  }
  dt::after {
    content: ':';
  }
  /* French puts a no-break space before the colon. */
  dt:lang(fr)::after {
    content: '\\00a0:';
  }
  dd {
    margin: 0;
  }
  .confirm {
    display: grid;
    gap: 0.5em;
    padding: 0.75em;
    border: 2px solid var(--_danger);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .more {
    margin-top: 1em;
  }
`;
