import { css } from 'lit';

/** The members section's layout: the list, and beside it (below it, on a phone) the open record or the invitation. */
export const membersStyles = css`
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
  .layout {
    display: grid;
    gap: 1.5em;
  }
  [tabindex='-1']:focus {
    outline: none;
  }
  /* On a phone the open record takes the list's place ("Back to the list" brings it back). */
  @media (max-width: 59.99em) {
    .layout.with-detail .list-pane {
      display: none;
    }
  }
  @media (min-width: 60em) {
    .layout.with-detail {
      grid-template-columns: minmax(0, 1fr) minmax(0, 1.2fr);
      align-items: start;
    }
  }
  .toolbar,
  .panel-head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.75em;
    margin-bottom: 1em;
  }
  .search {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: 0.75em;
    margin-bottom: 1em;
  }
  .search .grow {
    flex: 1 1 14em;
  }
  .search .field:not(.grow) {
    flex: 0 1 11em;
  }
  .field {
    margin-bottom: 0.9em;
    min-width: 0;
  }
  .search .field {
    margin-bottom: 0;
  }
  .hint {
    font-size: 0.9em;
    margin-top: 0.25em;
  }
  .member-list {
    display: grid;
    gap: 0.5em;
  }
  .member-list button {
    display: grid;
    gap: 0.1em;
    width: 100%;
    padding: 0.6em 0.9em;
    text-align: start;
    font: inherit;
    color: inherit;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_raised);
    cursor: pointer;
  }
  .member-list li.current button {
    border-color: var(--_accent);
    box-shadow: inset 4px 0 0 var(--_accent);
  }
  .name {
    font-weight: 600;
  }
  .email,
  .company {
    overflow-wrap: anywhere;
  }
  .badges {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4em;
    margin-top: 0.2em;
  }
  .badge {
    font-size: 0.85em;
    font-weight: 600;
    padding: 0 0.45em;
    border-radius: 0.25em;
    border: 1px solid var(--_border);
  }
  .badge.active {
    color: var(--_success);
    border-color: var(--_success);
  }
  .badge.inactive {
    color: var(--_muted);
  }
  .badge.role {
    color: var(--_accent);
    border-color: var(--_accent);
  }
  .more {
    margin-top: 1em;
  }
  .panel {
    display: block;
    padding: 1em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .panel > p {
    margin-bottom: 0.75em;
  }
  .notice {
    margin-bottom: 1em;
    padding: 0.5em 0.75em;
    border-inline-start: 4px solid var(--_accent);
    background: var(--_raised);
  }
  /* Kept in the page while empty, so that what it says next is announced. */
  .notice:empty {
    margin: 0;
    padding: 0;
    border: 0;
  }
  .form-error,
  .error {
    color: var(--_danger);
    padding: 0.5em 0.75em;
    border: 1px solid var(--_danger);
    border-radius: var(--_radius);
    margin-bottom: 0.75em;
  }
  .error {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75em;
    align-items: center;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }
  .erase {
    margin-top: 1.5em;
    padding-top: 1em;
    border-top: 1px solid var(--_border);
  }
  .erase.confirm {
    display: grid;
    gap: 0.6em;
    padding: 1em;
    border: 2px solid var(--_danger);
    border-radius: var(--_radius);
  }
`;
