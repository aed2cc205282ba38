import { css } from 'lit';

export const shellStyles = css`
  :host {
    min-height: 100vh;
  }
  .top {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em 1em;
    align-items: center;
    justify-content: space-between;
    padding: 0.75em 1em;
    border-bottom: 1px solid var(--_border);
    background: var(--_raised);
  }
  .brand {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 0.75em;
    align-items: baseline;
  }
  .product {
    font-weight: 700;
    font-size: 1.1em;
  }
  .space {
    color: var(--_muted);
  }
  .who {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    align-items: center;
  }
  .role {
    padding: 0 0.4em;
    border: 1px solid var(--_accent);
    border-radius: 0.25em;
    color: var(--_accent);
    font-size: 0.85em;
    font-weight: 600;
  }
  main {
    padding: 1em;
    max-width: 90em;
    margin: 0 auto;
  }
  nav ul {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    margin-bottom: 1em;
  }
  nav a {
    display: inline-block;
    padding: 0.4em 0.8em;
    border-radius: var(--_radius);
    color: var(--_text);
    text-decoration: none;
  }
  nav a[aria-current='page'] {
    background: var(--_accent);
    color: var(--_on-accent);
    font-weight: 600;
  }
  .sign-in,
  .settings {
    max-width: 28em;
    margin: 2em auto;
    display: grid;
    gap: 1em;
  }
  h1 {
    font-size: 1.4em;
  }
  form {
    display: grid;
    gap: 1em;
  }
  .link {
    border: 0;
    padding: 0;
    background: none;
    color: var(--_accent);
    text-decoration: underline;
    cursor: pointer;
    text-align: start;
  }
  .error,
  .notice {
    padding: 0.75em 1em;
    border: 1px solid var(--_danger);
    border-radius: var(--_radius);
    display: grid;
    gap: 0.75em;
    justify-items: start;
  }
`;
