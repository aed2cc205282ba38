import { css } from 'lit';

export const auditStyles = css`
  :host {
    display: block;
    min-width: 0;
  }
  h2 {
    font-size: 1.3em;
    margin-bottom: 0.25em;
  }
  h3 {
    font-size: 1em;
    overflow-wrap: anywhere;
  }
  [tabindex='-1']:focus {
    outline: none;
  }
  .intro {
    margin-bottom: 1em;
  }
  select {
    font: inherit;
    color: inherit;
    width: 100%;
    min-height: 2.75em;
    padding: 0.5em 0.75em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .filters {
    display: grid;
    gap: 0.75em;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 11em), 1fr));
    align-items: start;
    margin-bottom: 1.25em;
  }
  .field {
    min-width: 0;
  }
  .submit {
    align-self: end;
  }
  .error {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75em;
    align-items: center;
    color: var(--_danger);
    padding: 0.5em 0.75em;
    border: 1px solid var(--_danger);
    border-radius: var(--_radius);
    margin-bottom: 1em;
  }
  .entries {
    list-style: none;
    padding: 0;
    display: grid;
    gap: 0.75em;
  }
  .entry {
    display: grid;
    gap: 0.4em;
    padding: 0.75em 1em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_raised);
    min-width: 0;
  }
  .mono {
    font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
    font-size: 0.92em;
  }
  .op {
    color: var(--_accent);
  }
  .meta {
    color: var(--_muted);
  }
  .who {
    color: var(--_text);
    font-weight: 600;
  }
  .changes {
    overflow-x: auto;
  }
  table {
    border-collapse: collapse;
    width: 100%;
    table-layout: fixed;
    font-size: 0.92em;
  }
  /* The same columns in every entry, so that the eye runs down them. */
  th:first-child {
    width: 28%;
  }
  th,
  td {
    text-align: start;
    vertical-align: top;
    padding: 0.25em 0.5em;
    border-top: 1px solid var(--_border);
    overflow-wrap: break-word;
  }
  thead th {
    color: var(--_muted);
    font-weight: 600;
    border-top: 0;
  }
  td.before {
    color: var(--_muted);
  }
  .more {
    margin-top: 1em;
  }
`;
