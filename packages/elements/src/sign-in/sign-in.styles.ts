import { css } from 'lit';

export const signInStyles = css`
  [part~='base'] {
    display: flex;
    flex-direction: column;
    gap: var(--_s3);
    padding: var(--_s3);
    border: 1px solid color-mix(in srgb, var(--_border) 55%, transparent);
    border-radius: var(--_radius);
    background: var(--_surface);
    container-type: inline-size;
  }
  form {
    display: flex;
    flex-direction: column;
    gap: var(--_s3);
  }
  .inline {
    display: flex;
    gap: var(--_s2);
    align-items: flex-start;
  }
  .inline .field {
    flex: 1 1 14em;
  }
  .inline .button {
    flex: 0 0 auto;
    /* Level with the input: below the label (its line height and the field's gap). */
    margin-top: calc(1.5em + var(--_s1));
  }
  input[inputmode='numeric'] {
    letter-spacing: 0.3em;
    font-variant-numeric: tabular-nums;
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
    min-height: 2.75em;
  }
  /* Narrow: the button goes under the field. */
  @container (max-width: 28em) {
    .inline {
      flex-direction: column;
      gap: var(--_s3);
    }
    .inline .field {
      flex: none;
      width: 100%;
    }
    .inline .button {
      margin-top: 0;
    }
  }
`;
