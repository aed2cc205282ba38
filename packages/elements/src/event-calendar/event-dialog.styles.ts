import { css } from 'lit';

/** The styles of the event calendar's dialog (one of the calendar's style sheets). */
export const dialogStyles = css`
  .dialog {
    width: min(36em, calc(100vw - 1.5em));
    max-height: calc(100dvh - 1.5em);
    padding: 0;
    border: 1px solid var(--_grid);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    box-shadow: 0 1em 3em rgb(0 0 0 / 0.3);
  }
  .dialog::backdrop {
    background: rgb(0 0 0 / 0.45);
  }
  .dialog-head {
    position: sticky;
    top: 0;
    z-index: 1;
    display: flex;
    align-items: flex-start;
    gap: var(--_s2);
    padding: var(--_s3) var(--_s3) var(--_s2);
    background: var(--_surface);
    border-bottom: 1px solid var(--_grid);
  }
  .dialog-title-box {
    flex: 1 1 auto;
    min-width: 0;
    display: flex;
    flex-direction: column;
    gap: var(--_s1);
  }
  .dialog-title-box h2 {
    overflow-wrap: anywhere;
  }
  .dialog-title-box h2:focus {
    outline: none;
  }
  .back {
    align-self: flex-start;
    text-align: start;
  }
  .dialog-body {
    padding: var(--_s3);
  }
  .event-image {
    width: 100%;
    height: auto;
    max-height: 14em;
    object-fit: cover;
    border-radius: var(--_radius);
  }
  .lead {
    font-weight: 500;
  }
  .facts {
    display: grid;
    gap: var(--_s2);
  }
  .facts div {
    display: grid;
    grid-template-columns: 7.5em minmax(0, 1fr);
    gap: var(--_s2);
  }
  .facts dt {
    color: var(--_muted);
    font-weight: 600;
  }
  .status-cancelled {
    color: var(--_danger);
    font-weight: 650;
  }
  .description {
    white-space: pre-line;
    overflow-wrap: anywhere;
  }
  .registration,
  .confirm {
    gap: var(--_s2);
  }
  .registration {
    padding-top: var(--_s3);
    border-top: 1px solid var(--_grid);
  }
  .reg-state {
    font-weight: 600;
  }
  textarea {
    resize: vertical;
  }
  @container (max-width: 30em) {
    .facts div {
      grid-template-columns: minmax(0, 1fr);
      gap: 0;
    }
  }
`;
