import { css } from 'lit';

export const listStyles = css`
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
  h3 {
    font-size: 1.1em;
  }
  .resources {
    display: grid;
    gap: 0.75em;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 20em), 1fr));
  }
  .card {
    display: grid;
    gap: 0.5em;
    align-content: start;
    padding: 1em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_raised);
  }
  .prices {
    display: grid;
    gap: 0.1em;
  }
  .card.is-archived {
    border-style: dashed;
  }
  .head {
    display: flex;
    gap: 0.5em;
    align-items: baseline;
    justify-content: space-between;
  }
  .badge {
    padding: 0 0.4em;
    border: 1px solid var(--_muted);
    border-radius: 0.25em;
    font-size: 0.85em;
    font-weight: 600;
    white-space: nowrap;
  }
  .confirm {
    display: grid;
    gap: 0.5em;
    padding: 0.75em;
    border: 1px solid var(--_danger);
    border-radius: var(--_radius);
  }
  .workspace {
    display: grid;
    gap: 1em;
    align-items: start;
  }
  @media (min-width: 70em) {
    .workspace {
      grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
    }
    .preview {
      position: sticky;
      top: 1em;
    }
  }
  .preview {
    display: grid;
    gap: 0.5em;
    min-width: 0;
    padding: 1em;
    border: 1px solid var(--_border);
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

export const resourceFormStyles = css`
  .row > .amount {
    flex: 1 1 6em;
    width: auto;
    min-width: 0;
  }
  .row > select {
    flex: 1 1 8em;
    width: auto;
    min-width: 0;
  }
  .resource-form {
    display: grid;
    gap: 0.75em;
    min-width: 0;
  }
`;
