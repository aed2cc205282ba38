import { css } from 'lit';

export const bookingsStyles = css`
  :host {
    display: block;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.75em;
    margin-bottom: 1em;
  }
  h2 {
    font-size: 1.3em;
  }
  h3 {
    font-size: 1.05em;
    margin-bottom: 0.5em;
  }
  .week-nav,
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }
  .pending {
    margin-bottom: 1.5em;
  }
  /* On a phone the week's arrows say their words to screen readers only, so the three fit on one line. */
  @media (max-width: 36em) {
    .on-wide {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
  }
  .pending ul {
    display: grid;
    gap: 0.75em;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 20em), 1fr));
  }
  .card {
    display: grid;
    gap: 0.5em;
    padding: 0.75em 1em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_raised);
  }
  .refuse {
    display: grid;
    gap: 0.5em;
  }
  .status {
    font-weight: 600;
  }
  .status.pending {
    color: var(--_text);
    background: var(--_warning-bg);
    padding: 0 0.35em;
    border-radius: 0.25em;
  }
  .status.confirmed {
    color: var(--_success);
  }
  .status.cancelled {
    color: var(--_danger);
  }
  .error {
    margin-bottom: 1em;
  }
  .grid-scroll {
    /* Holds the hidden "no bookings" labels too: positioned elsewhere, they would widen the page. */
    position: relative;
    overflow-x: auto;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .grid {
    border-collapse: collapse;
    min-width: 48em;
    width: 100%;
    font-size: 0.9em;
  }
  caption {
    text-align: start;
    font-weight: 600;
    padding: 0.5em 0.75em;
  }
  th,
  td {
    border-top: 1px solid var(--_border);
    padding: 0.4em 0.5em;
    vertical-align: top;
    text-align: start;
  }
  thead th {
    background: var(--_raised);
    white-space: nowrap;
  }
  tbody th {
    width: 10em;
    font-weight: 600;
  }
  td ul {
    display: grid;
    gap: 0.3em;
  }
  .booking {
    display: grid;
    width: 100%;
    text-align: start;
    font: inherit;
    color: inherit;
    border: 0;
    cursor: pointer;
    padding: 0.2em 0.4em;
    border-inline-start: 3px solid var(--_accent);
    background: var(--_raised);
    border-radius: 0.25em;
  }
  .booking.pending {
    border-inline-start-color: var(--_danger);
  }
  .hint {
    display: block;
    font-weight: 400;
    font-size: 0.9em;
  }
  .details,
  .new-booking {
    margin-bottom: 1.5em;
  }
  .details dl {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 0.25em 1em;
    margin: 0;
  }
  .details dt {
    font-weight: 600;
  }
  .details dd {
    margin: 0;
  }
  .move,
  .new-booking {
    display: grid;
    gap: 0.75em;
  }
  .choices {
    display: grid;
    gap: 0.35em;
  }
  .time {
    font-variant-numeric: tabular-nums;
    font-weight: 600;
  }
`;
