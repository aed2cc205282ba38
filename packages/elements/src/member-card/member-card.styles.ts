import { css } from 'lit';
import { stateStyles } from '../states/states.ts';
import { controlStyles, themeStyles } from '../theme/theme.ts';

// Only what controlStyles does not do already: the card is also `.stack`, `.card` gives its
// background, corners and padding, `.hint` the muted small text of "Member since", `.row` the
// editor's buttons.
export const memberCardStyles = [
  themeStyles,
  controlStyles,
  stateStyles,
  css`
    :host {
      background: transparent;
      container-type: inline-size;
    }
    .card {
      height: 100%;
      border: 1px solid color-mix(in srgb, var(--_border) 45%, transparent);
      min-width: 0;
      overflow-wrap: break-word;
    }
    .compact {
      gap: var(--_s2);
      --_size: 3em;
    }
    .top {
      display: flex;
      align-items: center;
      gap: var(--_s3);
    }
    .compact .top {
      align-items: flex-start;
    }
    .who {
      gap: 0.125em;
      min-width: 0;
    }
    .name {
      font-size: 1.25em;
      font-weight: 650;
      line-height: 1.25;
    }
    .compact .name {
      font-size: 1.05em;
    }
    .headline {
      font-weight: 500;
    }
    .avatar {
      flex: none;
      width: var(--cowork-avatar-size, var(--_size, 5em));
      height: var(--cowork-avatar-size, var(--_size, 5em));
      border-radius: 50%;
      object-fit: cover;
      background: var(--_surface);
    }
    @container (max-width: 22em) {
      .full {
        --_size: 3.5em;
      }
    }
    /* The member's hue (--_h, set by the card) at a lightness readable under the ink: avatar.ts. */
    .initials {
      display: grid;
      place-items: center;
      container-type: size;
      background: oklch(0.42 0.07 var(--_h));
      color: #ffffff;
      font-weight: 700;
      letter-spacing: 0.02em;
      user-select: none;
    }
    .initials span {
      font-size: 38cqi;
      line-height: 1;
    }
    @media (prefers-color-scheme: dark) {
      :host(:not([theme='light'])) .initials {
        background: oklch(0.75 0.1 var(--_h));
        color: #0f1412;
      }
    }
    :host([theme='dark']) .initials {
      background: oklch(0.75 0.1 var(--_h));
      color: #0f1412;
    }
    .bio {
      white-space: pre-line;
    }
    ul {
      list-style: none;
      padding: 0;
    }
    .skills {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_s1) var(--_s2);
    }
    .skills li {
      padding: 0.125em 0.625em;
      border-radius: 999px;
      background: color-mix(in srgb, var(--_accent) 14%, var(--_surface));
      font-size: 0.875em;
    }
    .skills .more {
      background: none;
    }
    .links {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_s1) var(--_s3);
    }
    .links li,
    .links a {
      display: flex;
      align-items: center;
      gap: var(--_s2);
      min-width: 0;
    }
    .links a {
      min-height: 2.75em;
      border-radius: var(--_radius);
    }
    .links span {
      min-width: 0;
      overflow-wrap: anywhere;
    }
    .compact .links {
      gap: 0;
      margin-inline-start: -0.6em;
    }
    .compact .links a {
      justify-content: center;
      min-width: 2.75em;
    }
    .icon {
      flex: none;
      fill: none;
      stroke: currentColor;
      stroke-width: 2;
      stroke-linecap: round;
      stroke-linejoin: round;
    }
    .own {
      align-items: flex-start;
      gap: var(--_s2);
      margin-top: auto;
    }
    .editor {
      padding-top: var(--_s3);
      border-top: 1px solid color-mix(in srgb, var(--_border) 45%, transparent);
    }
    .editor-title {
      font-weight: 650;
      font-size: 1.05em;
    }
    fieldset {
      margin: 0;
      padding: 0;
      border: 0;
      min-width: 0;
    }
    legend {
      padding: 0;
      margin-bottom: var(--_s2);
      font-weight: 600;
    }
    .link-editor {
      display: grid;
      grid-template-columns: 9em minmax(0, 2fr) minmax(9em, 1fr) auto;
      align-items: start;
      gap: var(--_s2);
      padding: var(--_s2);
      border-radius: var(--_radius);
      background: var(--_surface);
    }
    .remove {
      justify-self: start;
      min-height: 2.75em;
      /* Level with the fields, under their one-line labels. */
      margin-top: calc(1.5em + var(--_s1));
      color: var(--_danger);
    }
    textarea {
      resize: vertical;
    }
    [aria-invalid='true'] {
      border-color: var(--_danger);
      border-width: 2px;
    }
    .check {
      display: flex;
      align-items: center;
      gap: var(--_s2);
    }
    .check input {
      width: 1.25em;
      min-height: 0;
      height: 1.25em;
      margin: 0;
      accent-color: var(--_accent);
    }
    .check label {
      font-weight: 500;
    }
    @container (max-width: 40em) {
      .link-editor {
        grid-template-columns: minmax(0, 1fr);
      }
      .remove {
        margin-top: 0;
      }
    }
  `,
];
