import { css } from 'lit';

/** What the events section adds to the section's frame and its cards: the grid of events, the editor beside its preview, the registrations. */
export const eventsStyles = css`
  form {
    display: grid;
    gap: 1em;
  }
  .events {
    display: grid;
    gap: 0.75em;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 24em), 1fr));
  }
  .card.cancelled h3 {
    text-decoration: line-through;
  }
  .status.cancelled {
    color: var(--_danger);
    font-weight: 600;
  }
  .row > .field {
    flex: 1 1 10em;
  }
  .editor {
    display: grid;
    gap: 1.5em;
    grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
    align-items: start;
  }
  @media (max-width: 800px) {
    .editor {
      grid-template-columns: minmax(0, 1fr);
    }
  }
  .preview {
    position: sticky;
    top: 1em;
    padding: 1em;
    border: 1px dashed var(--_border);
    border-radius: var(--_radius);
  }
  .table-scroll {
    position: relative;
    overflow-x: auto;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  table {
    border-collapse: collapse;
    width: 100%;
    min-width: 40em;
  }
  th,
  td {
    padding: 0.45em 0.6em;
    border-top: 1px solid var(--_border);
    text-align: start;
    vertical-align: top;
  }
  thead th {
    background: var(--_raised);
  }
  tr.cancelled {
    color: var(--_muted);
  }
  .notice {
    padding: 0.75em 1em;
    border: 1px solid var(--_danger);
    border-radius: var(--_radius);
    background: var(--_warning-bg);
  }
`;
