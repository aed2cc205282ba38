import { css } from 'lit';

export const myBookingsStyles = css`
  [part~='base'] {
    display: flex;
    flex-direction: column;
    gap: var(--_s3);
    padding: var(--_s3);
  }
  .header {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_s2);
    align-items: baseline;
    justify-content: space-between;
  }
  ul {
    list-style: none;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: var(--_s2);
  }
  li {
    display: grid;
    grid-template-columns: 1fr auto;
    gap: var(--_s2) var(--_s3);
    align-items: start;
    padding: var(--_s3);
    border: 1px solid color-mix(in srgb, var(--_border) 55%, transparent);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  li.cancelled {
    background: var(--_raised);
  }
  .what {
    display: flex;
    flex-direction: column;
    gap: var(--_s1);
    min-width: 0;
  }
  .what h3 {
    overflow-wrap: anywhere;
  }
  .title {
    overflow-wrap: anywhere;
  }
  .when {
    font-variant-numeric: tabular-nums;
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_s1) var(--_s3);
    align-items: center;
  }
  .status {
    display: inline-block;
    padding: 0 var(--_s2);
    border-radius: 999px;
    border: 1px solid currentColor;
    font-size: 0.85em;
    font-weight: 600;
  }
  .status.confirmed {
    color: var(--_success);
  }
  .status.pending {
    color: var(--_muted);
  }
  .status.cancelled {
    color: var(--_danger);
  }
  .price {
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }
  .actions {
    display: flex;
    flex-direction: column;
    align-items: flex-end;
    gap: var(--_s2);
  }
  .confirm {
    grid-column: 1 / -1;
    display: flex;
    flex-wrap: wrap;
    gap: var(--_s2);
    align-items: center;
    padding: var(--_s2) var(--_s3);
    border-radius: var(--_radius);
    background: var(--_raised);
  }
  .confirm p {
    flex: 1 1 12em;
    font-weight: 600;
  }
  .item-error {
    grid-column: 1 / -1;
  }
  .note {
    font-size: 0.9em;
    text-align: end;
    max-width: 12em;
  }
  @container (max-width: 30em) {
    li {
      grid-template-columns: 1fr;
    }
    .actions {
      align-items: flex-start;
    }
    .note {
      text-align: start;
      max-width: none;
    }
  }
  .list {
    container-type: inline-size;
  }
`;
