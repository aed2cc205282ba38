import { css } from 'lit';

export const styles = css`
  [part~='base'] {
    display: flex;
    flex-direction: column;
    gap: var(--_s3);
    padding: var(--_s3);
    border: 1px solid color-mix(in srgb, var(--_border) 55%, transparent);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  form {
    display: flex;
    flex-direction: column;
    gap: var(--_s3);
  }
  .inline {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_s2);
    align-items: flex-end;
  }
  .inline .field {
    flex: 1 1 14rem;
  }
  .inline .button {
    flex: 0 0 auto;
  }
  input[inputmode='numeric'] {
    letter-spacing: 0.3em;
    font-variant-numeric: tabular-nums;
    max-width: 12rem;
  }
  .signed-in {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_s2) var(--_s3);
    align-items: center;
    justify-content: space-between;
  }
  .signed-in p {
    overflow-wrap: anywhere;
  }
  .alert {
    padding: var(--_s2) var(--_s3);
    border-inline-start: 4px solid var(--_danger);
    background: var(--_raised);
    border-radius: var(--_radius);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_s2) var(--_s3);
  }
  .actions .link {
    min-height: 2.75rem;
  }
`;
