/**
 * Shared styles of every element.
 *
 * Exports:
 * Sizes are in `em` (never `rem`): the page's root font size (`html { font-size: 62.5% }`) must not
 * shrink the element; the host's font size is the visitor's default (`medium`) unless
 * `--cowork-font-size` says otherwise.
 *
 * - `themeStyles`: the host's isolation from the page (`all: initial`, and the inherited text
 *   properties set with `!important` so that even `* { color: red !important }` on the page does
 *   not reach inside), the design tokens as private `--_*` properties read from the public
 *   `--cowork-*` custom properties with fallbacks, light and dark (`prefers-color-scheme`, unless
 *   the host has `theme="light"` or `theme="dark"`), the `:focus-visible` ring, reduced motion,
 *   `[hidden]`, and the `.visually-hidden` class.
 * - `controlStyles`: buttons (`.button`, `.button.primary`, `.button.danger`, `.link`), fields
 *   (`.field`, `label`, `input`, `.hint`, `.field-error`), `.stack` / `.row` layout, `.card`.
 *
 * Public custom properties (document them with `@cssprop` on each element):
 * `--cowork-color-accent`, `--cowork-color-on-accent`, `--cowork-color-surface`,
 * `--cowork-color-surface-raised`, `--cowork-color-text`, `--cowork-color-muted`,
 * `--cowork-color-border`, `--cowork-color-danger`, `--cowork-color-success`,
 * `--cowork-color-focus`, `--cowork-font-family`, `--cowork-font-size`, `--cowork-radius`,
 * `--cowork-space-1` … `--cowork-space-4`. The built-in colours have light and dark defaults; a
 * page that sets a colour sets it for both, or per scheme with its own media query or selector
 * (`@media (prefers-color-scheme: dark) { cowork-booking { --cowork-color-surface: … } }`,
 * `cowork-booking[theme='dark'] { … }`).
 */
import { css } from 'lit';

const light = css`
  --_accent: var(--cowork-color-accent, #0b6b52);
  --_on-accent: var(--cowork-color-on-accent, #ffffff);
  --_surface: var(--cowork-color-surface, #ffffff);
  --_raised: var(--cowork-color-surface-raised, #f3f5f4);
  --_text: var(--cowork-color-text, #17211d);
  --_muted: var(--cowork-color-muted, #55625c);
  --_border: var(--cowork-color-border, #8a9791);
  --_danger: var(--cowork-color-danger, #b3261e);
  --_success: var(--cowork-color-success, #1d6b35);
  --_focus: var(--cowork-color-focus, #1a5fb4);
  --_skeleton: color-mix(in srgb, var(--_text) 10%, transparent);
`;

const dark = css`
  --_accent: var(--cowork-color-accent, #5fd3ad);
  --_on-accent: var(--cowork-color-on-accent, #06261c);
  --_surface: var(--cowork-color-surface, #141a18);
  --_raised: var(--cowork-color-surface-raised, #1f2724);
  --_text: var(--cowork-color-text, #e8efec);
  --_muted: var(--cowork-color-muted, #a9b8b1);
  --_border: var(--cowork-color-border, #6f7f78);
  --_danger: var(--cowork-color-danger, #ffb4ab);
  --_success: var(--cowork-color-success, #8fdca0);
  --_focus: var(--cowork-color-focus, #8ab4f8);
`;

export const themeStyles = css`
  :host {
    all: initial;
    display: block;
    box-sizing: border-box;
    ${light}
    --_radius: var(--cowork-radius, 0.5em);
    --_s1: var(--cowork-space-1, 0.25em);
    --_s2: var(--cowork-space-2, 0.5em);
    --_s3: var(--cowork-space-3, 1em);
    --_s4: var(--cowork-space-4, 1.5em);
    /* Inherited properties the page could push in with !important (important declarations of a
       shadow tree beat the page's). The page themes through the custom properties instead. */
    color: var(--_text) !important;
    font-family: var(--cowork-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif) !important;
    font-size: var(--cowork-font-size, medium) !important;
    font-weight: 400 !important;
    font-style: normal !important;
    line-height: 1.5 !important;
    letter-spacing: normal !important;
    word-spacing: normal !important;
    text-align: start !important;
    text-transform: none !important;
    text-indent: 0 !important;
    text-shadow: none !important;
    white-space: normal !important;
    visibility: visible !important;
    color-scheme: light;
    background: var(--_surface);
    border-radius: var(--_radius);
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      ${dark}
      color-scheme: dark;
    }
  }
  :host([theme='dark']) {
    ${dark}
    color-scheme: dark;
  }
  :host([hidden]),
  [hidden] {
    display: none !important;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation-duration: 0.01ms !important;
      animation-iteration-count: 1 !important;
      transition-duration: 0.01ms !important;
      scroll-behavior: auto !important;
    }
  }
`;

export const controlStyles = css`
  h2,
  h3,
  p,
  ul,
  ol,
  dl,
  dd {
    margin: 0;
  }
  h2 {
    font-size: 1.25em;
    line-height: 1.3;
    font-weight: 650;
  }
  h3 {
    font-size: 1.05em;
    line-height: 1.3;
    font-weight: 650;
  }
  .stack {
    display: flex;
    flex-direction: column;
    gap: var(--_s3);
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_s2);
    align-items: center;
  }
  .muted {
    color: var(--_muted);
  }
  .card {
    background: var(--_raised);
    border-radius: var(--_radius);
    padding: var(--_s3);
  }
  .button,
  .link {
    font: inherit;
    cursor: pointer;
  }
  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: var(--_s2);
    min-height: 2.75em;
    min-width: 2.75em;
    padding: var(--_s2) var(--_s3);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    font-weight: 600;
    text-decoration: none;
    transition: background-color 120ms ease;
  }
  .button:hover {
    background: var(--_raised);
  }
  .button.primary {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_on-accent);
  }
  .button.primary:hover {
    background: color-mix(in srgb, var(--_accent) 85%, var(--_text));
  }
  .button.danger {
    border-color: var(--_danger);
    color: var(--_danger);
  }
  .button.danger.primary {
    background: var(--_danger);
    color: var(--_surface);
  }
  .button[disabled],
  .button[aria-disabled='true'] {
    opacity: 0.6;
    cursor: not-allowed;
  }
  .link {
    padding: 0;
    border: 0;
    background: none;
    color: var(--_accent);
    text-decoration: underline;
    text-underline-offset: 0.15em;
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: var(--_s1);
  }
  label {
    font-weight: 600;
  }
  input,
  textarea,
  select {
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    min-height: 2.75em;
    padding: var(--_s2) var(--_s3);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    width: 100%;
    max-width: 100%;
  }
  input[aria-invalid='true'] {
    border-color: var(--_danger);
    border-width: 2px;
  }
  .hint {
    color: var(--_muted);
    font-size: 0.9em;
  }
  .field-error {
    color: var(--_danger);
    font-size: 0.95em;
    font-weight: 600;
  }
`;
