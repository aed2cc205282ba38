import { css } from 'lit';

/** What the plans section adds to the section's frame and its cards: a card's head, badge and list of what the plan includes. */
export const plansStyles = css`
  .plan-head {
    display: flex;
    gap: 0.5em;
    align-items: baseline;
    justify-content: space-between;
  }
  .badge {
    padding: 0 0.4em;
    border: 1px solid var(--_accent);
    border-radius: 0.25em;
    color: var(--_accent);
    font-size: 0.85em;
    font-weight: 600;
    white-space: nowrap;
  }
  .includes {
    list-style: disc;
    padding-inline-start: 1.25em;
  }
  .row > .field {
    flex: 1 1 12em;
  }
  .grants {
    font-weight: 600;
  }
  .types {
    display: grid;
    gap: 0.25em 1em;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 12em), 1fr));
  }
  .hours {
    align-items: end;
  }
  .hours > .field {
    flex: 1 1 7em;
  }
  .hours > .field-error {
    flex-basis: 100%;
  }
  .notice {
    padding: 0.75em 1em;
    border: 1px solid var(--_danger);
    border-radius: var(--_radius);
    background: var(--_warning-bg);
  }
`;
