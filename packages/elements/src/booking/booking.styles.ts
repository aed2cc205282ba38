import { css } from 'lit';
import { stateStyles } from '../states/states.ts';
import { controlStyles, themeStyles } from '../theme/theme.ts';

export const bookingStyles = [
  themeStyles,
  controlStyles,
  stateStyles,
  css`
    :host {
      container-type: inline-size;
    }
    .booking {
      display: flex;
      flex-direction: column;
      gap: var(--_s3);
      padding: var(--_s3);
      min-width: 0;
    }
    .top {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      justify-content: space-between;
      gap: var(--_s1) var(--_s3);
    }
    h4 {
      margin: 0;
      font-size: 1em;
      font-weight: 650;
    }
    .step-heading:focus {
      outline: none;
    }
    .step-heading:focus-visible {
      outline: 3px solid var(--_focus);
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
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_s2);
    }
    .filter {
      max-width: 20rem;
    }
    .quantity {
      max-width: 12rem;
    }
    textarea {
      resize: vertical;
    }

    /* Resources */
    .resources {
      list-style: none;
      padding: 0;
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 17rem), 1fr));
      gap: var(--_s3);
    }
    .resource {
      display: flex;
      flex-direction: column;
      gap: var(--_s2);
      min-width: 0;
    }
    .resource img {
      display: block;
      width: calc(100% + 2 * var(--_s3));
      margin: calc(-1 * var(--_s3)) calc(-1 * var(--_s3)) 0;
      height: auto;
      aspect-ratio: 3 / 2;
      object-fit: cover;
      border-radius: var(--_radius) var(--_radius) 0 0;
    }
    .resource-body {
      display: flex;
      flex-direction: column;
      gap: var(--_s2);
      flex: 1;
    }
    .resource .button {
      align-self: flex-start;
    }
    .description {
      display: -webkit-box;
      -webkit-box-orient: vertical;
      -webkit-line-clamp: 3;
      overflow: hidden;
    }
    .amenities {
      list-style: none;
      padding: 0;
      display: flex;
      flex-wrap: wrap;
      gap: var(--_s1);
    }
    .amenities li {
      padding: 0 var(--_s2);
      border: 1px solid var(--_border);
      border-radius: 999px;
      font-size: 0.875em;
    }
    .prices {
      font-weight: 600;
    }
    .offer {
      white-space: nowrap;
    }
    .chosen {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_s1) var(--_s2);
      align-items: baseline;
    }

    /* Date and times */
    .when {
      display: grid;
      gap: var(--_s4);
    }
    @container (min-width: 40rem) {
      .when {
        grid-template-columns: minmax(17rem, 22rem) 1fr;
        align-items: start;
      }
    }
    .times-panel {
      display: flex;
      flex-direction: column;
      gap: var(--_s3);
      min-width: 0;
    }
    .calendar-nav {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: var(--_s2);
      margin-bottom: var(--_s2);
    }
    .month {
      font-weight: 650;
      text-transform: capitalize !important;
    }
    .button.icon {
      padding: 0;
      font-size: 1.4em;
      line-height: 1;
    }
    table {
      width: 100%;
      border-collapse: collapse;
      table-layout: fixed;
    }
    th {
      font-size: 0.8em;
      font-weight: 600;
      color: var(--_muted);
      padding-bottom: var(--_s1);
      text-transform: capitalize;
    }
    .day {
      height: 2.5rem;
      padding: 2px;
      text-align: center !important;
      cursor: pointer;
      border-radius: var(--_radius);
      font-variant-numeric: tabular-nums;
    }
    .day > span[aria-hidden] {
      display: flex;
      align-items: center;
      justify-content: center;
      height: 100%;
      border-radius: var(--_radius);
    }
    .day:hover > span[aria-hidden] {
      background: var(--_raised);
    }
    .day:focus-visible {
      outline-offset: -2px;
    }
    .day.today > span[aria-hidden] {
      box-shadow: inset 0 0 0 1px var(--_border);
      font-weight: 700;
    }
    .day.unavailable {
      cursor: default;
      color: var(--_muted);
    }
    .day.unavailable > span[aria-hidden] {
      text-decoration: line-through;
      background: none;
    }
    .day.selected > span[aria-hidden] {
      background: var(--_accent);
      color: var(--_on-accent);
      font-weight: 700;
    }
    .outside {
      cursor: default;
    }
    .time-list {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(5.5rem, 1fr));
      gap: var(--_s2);
    }
    .time {
      position: relative;
      display: flex;
      align-items: center;
      justify-content: center;
      min-height: 2.75rem;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      cursor: pointer;
      font-weight: 600 !important;
      font-variant-numeric: tabular-nums;
    }
    .time input {
      position: absolute;
      opacity: 0;
      inset: 0;
      margin: 0;
      width: 100%;
      height: 100%;
      min-height: 0;
      cursor: pointer;
    }
    .time:hover {
      background: var(--_raised);
    }
    .time:has(input:checked) {
      background: var(--_accent);
      border-color: var(--_accent);
      color: var(--_on-accent);
    }
    .time:has(input:focus-visible) {
      outline: 3px solid var(--_focus);
      outline-offset: 2px;
    }
    .hint-box {
      padding: var(--_s3);
      border: 1px dashed var(--_border);
      border-radius: var(--_radius);
    }

    /* Review and confirmation */
    .summary {
      display: grid;
      gap: var(--_s2);
      padding: var(--_s3);
      border-radius: var(--_radius);
      background: var(--_raised);
    }
    .summary > div {
      display: grid;
      grid-template-columns: minmax(5rem, 8rem) 1fr;
      gap: var(--_s2);
    }
    .summary dt {
      color: var(--_muted);
    }
    .summary dd {
      min-width: 0;
      overflow-wrap: anywhere;
    }
    .price .total {
      display: flex;
      justify-content: space-between;
      align-items: baseline;
      font-size: 1.15em;
    }
    .lines {
      list-style: none;
      padding: 0;
      font-size: 0.9em;
    }
    .notice {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: var(--_s2);
      padding: var(--_s2) var(--_s3);
      border-radius: var(--_radius);
      border-inline-start: 4px solid var(--_accent);
      background: var(--_raised);
      font-weight: 600;
    }
    .notice.error {
      border-color: var(--_danger);
    }
    .notice:focus {
      outline: none;
    }
    .notice:focus-visible {
      outline: 3px solid var(--_focus);
    }
    .confirmation.confirmed .step-heading,
    .confirmation.pending .step-heading {
      color: var(--_success);
    }
    .confirmation.cancelled .step-heading {
      color: var(--_muted);
    }
    code {
      font-family: ui-monospace, monospace;
      font-size: 0.9em;
    }
  `,
];
