import { css } from 'lit';

/** What the webhooks section adds to the shared section, card and form styles (its check boxes are the forms' `.check`). */
export const webhooksStyles = css`
  .secret {
    display: grid;
    gap: 0.6em;
    max-width: 44em;
    padding: 1em;
    border: 2px solid var(--_accent);
    border-radius: var(--_radius);
    background: var(--_raised);
  }
  .mono {
    font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
    overflow-wrap: anywhere;
  }
  .status {
    font-weight: 600;
  }
  .status.disabled,
  .status.failed {
    color: var(--_danger);
  }
  .deliveries {
    display: grid;
    gap: 0.5em;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .deliveries li {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 0.75em;
    align-items: baseline;
    padding: 0.5em 0;
    border-top: 1px solid var(--_border);
  }
  .deliveries .event {
    flex: 1 1 12em;
  }
  /* Each check box is its own label here, with a text that may wrap. */
  label.check {
    font-weight: 400;
  }
  .check input {
    flex: none;
  }
`;
