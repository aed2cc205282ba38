import { css } from 'lit';
import { stateStyles } from '../states/states.ts';
import { controlStyles, themeStyles } from '../theme/theme.ts';
import { dialogStyles } from './event-dialog.styles.ts';

/**
 * The event calendar's styles. Sizes in `em` (the page's root font size must not matter). The
 * views set their own smaller font size once (`--_view-size`), and everything positioned inside
 * them (lanes, hours) is measured in that `em`, so custom properties in `em` resolve alike
 * wherever they are used. Layout leans on the shared classes (`stack`, `row`, `primary`, the
 * theme's focus ring) rather than restating them; the dialog's styles come last.
 */
export const eventCalendarStyles = [
  themeStyles,
  controlStyles,
  stateStyles,
  css`
    :host {
      container-type: inline-size;
      --_grid: color-mix(in srgb, var(--_border) 55%, transparent);
      --_grid-soft: color-mix(in srgb, var(--_border) 28%, transparent);
      --_event: color-mix(in srgb, var(--_accent) 16%, var(--_surface));
      --_event-hover: color-mix(in srgb, var(--_accent) 26%, var(--_surface));
      --_lane: 1.5em;
      --_head: 1.9em;
      --_hour: 3em;
      --_gutter: 4.2em;
    }
    .calendar {
      padding: var(--_s3);
    }
    button {
      font: inherit;
      color: inherit;
    }

    /* Toolbar */
    .toolbar {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--_s2) var(--_s3);
    }
    .nav,
    .views {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_s1);
    }
    /* A phone's width within a page's margins: the calendar's own padding shrinks, and the
       navigation and the view buttons each take a whole row and share it. */
    @container (max-width: 24em) {
      .calendar {
        padding: var(--_s2);
      }
      .nav,
      .views {
        flex: 1 1 100%;
      }
      .nav .button:not(.icon),
      .views .button {
        flex: 1 1 auto;
        padding-inline: var(--_s2);
      }
    }
    .period {
      flex: 1 1 10em;
      font-size: 1.3em;
      order: -1;
      min-width: 0;
    }
    .period:focus {
      outline: none;
    }
    .button.icon {
      padding: var(--_s2);
    }
    @container (min-width: 40em) {
      .period {
        order: 0;
      }
    }
    .filters select {
      width: auto;
      min-width: 12em;
      max-width: 100%;
    }
    .status-line {
      margin-inline-start: auto;
    }
    .notice {
      padding: var(--_s2) var(--_s3);
      border-radius: var(--_radius);
      background: var(--_raised);
      border-inline-start: 4px solid var(--_border);
    }
    .notice.error {
      border-color: var(--_danger);
    }
    .notice.success {
      border-color: var(--_success);
    }
    .notice.warn {
      border-color: var(--_accent);
    }

    /* Shared by the month and week views */
    .month,
    .week-view {
      font-size: 0.8125em;
      border: 1px solid var(--_grid);
      border-radius: var(--_radius);
      overflow: hidden;
    }
    .seg,
    .more {
      position: absolute;
      height: calc(var(--_lane) - 2px);
      padding: 0 0.4em;
      border: 0;
      border-radius: 0.3em;
      background: none;
      line-height: calc(var(--_lane) - 2px);
      white-space: nowrap;
      overflow: hidden;
      text-overflow: ellipsis;
      text-align: start;
      cursor: pointer;
    }
    .seg {
      left: calc(var(--c) * 100% / 7 + 2px);
      width: calc(var(--s) * 100% / 7 - 4px);
      top: calc(var(--_head) + var(--l) * var(--_lane));
    }
    .seg.bar {
      background: var(--_event);
      border-inline-start: 3px solid var(--_accent);
    }
    .seg.bar.before {
      border-inline-start: 0;
      border-start-start-radius: 0;
      border-end-start-radius: 0;
    }
    .seg.after {
      border-start-end-radius: 0;
      border-end-end-radius: 0;
    }
    .seg.timed::before {
      content: '';
      display: inline-block;
      width: 0.5em;
      height: 0.5em;
      margin-inline-end: 0.3em;
      border-radius: 50%;
      background: var(--_accent);
      vertical-align: 0.05em;
    }
    .seg:hover,
    .ev:hover {
      background: var(--_event-hover);
    }
    .seg .t {
      font-weight: 600;
    }
    .cancelled .n,
    .cancelled .title {
      text-decoration: line-through;
    }
    .seg.cancelled,
    .ev.cancelled {
      background: var(--_raised);
      color: var(--_muted);
      border-color: var(--_border);
    }
    .seg.timed.cancelled {
      background: none;
    }
    .seg.timed.cancelled::before {
      background: var(--_muted);
    }
    .more {
      left: calc(var(--c) * 100% / 7 + 2px);
      width: calc(100% / 7 - 4px);
      top: calc(var(--_head) + 3 * var(--_lane));
      font-weight: 650;
    }
    .more:hover {
      background: var(--_raised);
      text-decoration: underline;
    }
    .more .short {
      display: none;
    }
    /* The focus ring (the theme's) inside the box: neighbours and the grid's edges would hide it. */
    :is(.seg, .more, .ev, .entry):focus-visible {
      outline-offset: -1px;
    }
    :is(.day, .wk-body):focus-visible {
      outline-offset: -3px;
    }

    /* Month */
    .weekdays,
    .week {
      display: grid;
      grid-template-columns: repeat(7, minmax(0, 1fr));
    }
    .weekdays,
    .wk-head {
      background: var(--_raised);
    }
    .weekday {
      padding: 0.35em 0.2em;
      text-align: center;
      font-weight: 650;
      color: var(--_muted);
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .week {
      position: relative;
      height: calc(var(--_head) + 4 * var(--_lane) + 0.3em);
      border-top: 1px solid var(--_grid);
    }
    .day {
      padding: 0.2em 0.3em;
      border-inline-start: 1px solid var(--_grid);
      cursor: default;
    }
    .day:first-child {
      border-inline-start: 0;
    }
    .day.out {
      background: var(--_raised);
    }
    .day.out .num {
      color: var(--_muted);
    }
    .num {
      display: inline-grid;
      place-items: center;
      min-width: 1.6em;
      height: 1.6em;
      padding-inline: 0.2em;
      border-radius: 1em;
      font-weight: 650;
      font-variant-numeric: tabular-nums;
    }
    .day.today .num {
      background: var(--_accent);
      color: var(--_on-accent);
    }
    @container (max-width: 37.49em) {
      /* Narrow: events become bars (their text stays for screen readers), "+3 more" becomes "+3". */
      .month {
        --_lane: 0.75em;
      }
      .month .seg {
        color: transparent;
        background: var(--_accent);
        border: 0;
        padding: 0;
        left: calc(var(--c) * 100% / 7 + 1px);
        width: calc(var(--s) * 100% / 7 - 2px);
        height: calc(var(--_lane) - 3px);
      }
      .month .seg.timed::before {
        display: none;
      }
      .month .seg.cancelled {
        background: var(--_border);
      }
      .month .week {
        height: calc(var(--_head) + 3 * var(--_lane) + 1.6em);
      }
      .month .more {
        padding: 0;
        text-align: center;
        height: 1.5em;
        line-height: 1.5em;
      }
      .more .long {
        display: none;
      }
      .more .short {
        display: inline;
      }
    }

    /* Week */
    .wk-row {
      display: grid;
      grid-template-columns: var(--_gutter) repeat(7, minmax(0, 1fr));
    }
    .wk-day-head {
      padding: 0.35em 0.2em;
      text-align: center;
      border-inline-start: 1px solid var(--_grid);
    }
    .wk-day-head .wd {
      color: var(--_muted);
      font-weight: 650;
    }
    .wd .narrow {
      display: none;
    }
    .wk-day-head .dn {
      display: inline-grid;
      place-items: center;
      min-width: 1.7em;
      height: 1.7em;
      border-radius: 1em;
      font-weight: 650;
      font-size: 1.1em;
    }
    .wk-day-head.today .dn {
      background: var(--_accent);
      color: var(--_on-accent);
    }
    .dst-note {
      display: block;
      font-size: 0.85em;
      color: var(--_muted);
    }
    .wk-allday {
      position: relative;
      min-height: calc(max(var(--lanes), 1) * var(--_lane) + 0.4em);
      border-top: 1px solid var(--_grid);
    }
    .wk-allday .gutter {
      padding: 0.2em 0.3em;
      font-size: 0.85em;
      text-align: end;
    }
    .wk-allday-cell {
      border-inline-start: 1px solid var(--_grid);
    }
    .wk-allday .seg,
    .wk-allday .more {
      left: calc(var(--_gutter) + var(--c) * (100% - var(--_gutter)) / 7 + 2px);
      width: calc(var(--s, 1) * (100% - var(--_gutter)) / 7 - 4px);
      top: calc(0.2em + var(--l) * var(--_lane));
    }
    .wk-body {
      max-height: 38em;
      overflow-y: auto;
      border-top: 1px solid var(--_grid);
    }
    /* Absolute columns, not a grid: a grid would lay out the 200 events of a week in more than one pass. */
    .wk-grid {
      position: relative;
      height: calc(24 * var(--_hour));
    }
    .hours {
      position: absolute;
      inset-block: 0;
      inset-inline-start: 0;
      width: var(--_gutter);
      color: var(--_muted);
      font-size: 0.9em;
    }
    .hours span {
      position: absolute;
      white-space: nowrap;
      inset-inline-end: 0.4em;
      transform: translateY(-50%);
      font-variant-numeric: tabular-nums;
    }
    .wk-col {
      position: absolute;
      inset-block: 0;
      inset-inline-start: calc(var(--_gutter) + var(--i) * (100% - var(--_gutter)) / 7);
      width: calc((100% - var(--_gutter)) / 7);
      border-inline-start: 1px solid var(--_grid);
      background-image: repeating-linear-gradient(to bottom, var(--_grid-soft) 0 1px, transparent 1px var(--_hour));
    }
    .wk-col.today {
      background-color: color-mix(in srgb, var(--_accent) 5%, transparent);
    }
    .ev {
      position: absolute;
      padding: 0.1em 0.3em;
      border: 1px solid var(--_surface);
      border-inline-start: 3px solid var(--_accent);
      border-radius: 0.3em;
      background: var(--_event);
      overflow: hidden;
      text-align: start;
      line-height: 1.25;
      cursor: pointer;
      min-height: 1.3em;
    }
    .ev {
      /* A button centres its content: the text starts at the top instead. */
      display: flex;
      flex-direction: column;
      white-space: pre-line;
      overflow-wrap: anywhere;
    }
    .ev > span {
      max-height: calc(var(--lines) * 1.25em);
      overflow: hidden;
    }
    .ev > span::first-line {
      font-weight: 650;
    }
    .ev.before {
      border-start-start-radius: 0;
      border-start-end-radius: 0;
    }
    .ev.after {
      border-end-start-radius: 0;
      border-end-end-radius: 0;
    }
    @container (max-width: 37.49em) {
      .week-view {
        --_gutter: 3em;
      }
      .wd .wide {
        display: none;
      }
      .dst-note {
        position: absolute;
        width: 1px;
        height: 1px;
        overflow: hidden;
        clip: rect(0 0 0 0);
        white-space: nowrap;
      }
      .wd .narrow {
        display: inline;
      }
      .wk-day-head .wd {
        display: block;
      }
      .hours span {
        font-size: 0.75em;
        inset-inline-end: 0.25em;
      }
      /* Columns of 35 px: the events are coloured blocks (their text stays for screen readers). */
      .ev {
        color: transparent;
        padding: 0;
      }
    }
    .dst {
      position: absolute;
      inset-inline: 0;
      border-top: 2px dashed var(--_muted);
    }
    .now {
      position: absolute;
      inset-inline: 0;
      border-top: 2px solid var(--_danger);
      pointer-events: none;
    }

    /* List */
    .list {
      gap: var(--_s4);
    }
    .list-date {
      font-size: 1em;
      padding-bottom: var(--_s1);
      margin-bottom: var(--_s2);
      border-bottom: 1px solid var(--_grid);
    }
    .entries {
      list-style: none;
      padding: 0;
      gap: var(--_s1);
    }
    .entry {
      display: grid;
      grid-template-columns: minmax(7em, 11em) minmax(0, 1fr);
      gap: var(--_s1) var(--_s3);
      width: 100%;
      padding: var(--_s2);
      border: 0;
      border-inline-start: 3px solid var(--_accent);
      border-radius: var(--_radius);
      background: none;
      text-align: start;
      cursor: pointer;
    }
    .entry:hover {
      background: var(--_raised);
    }
    .entry.cancelled {
      border-color: var(--_border);
      color: var(--_muted);
    }
    .when {
      color: var(--_muted);
      font-variant-numeric: tabular-nums;
    }
    .what {
      gap: 0.1em;
    }
    .title {
      font-weight: 650;
    }
    .summary,
    .place {
      color: var(--_muted);
    }
    .badges {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_s1);
      margin-top: 0.15em;
    }
    .badge {
      display: inline-block;
      padding: 0 0.55em;
      border: 1px solid var(--_border);
      border-radius: 1em;
      font-size: 0.8em;
      font-weight: 600;
      color: var(--_text);
    }
    .cancelled-badge {
      border-color: var(--_danger);
      color: var(--_danger);
    }
    .today-badge {
      border-color: var(--_accent);
      color: var(--_accent);
      vertical-align: 0.1em;
    }
    @container (max-width: 30em) {
      .entry {
        grid-template-columns: minmax(0, 1fr);
      }
    }

    /* Subscribe */
    .subscribe {
      border-top: 1px solid var(--_grid);
      padding-top: var(--_s2);
    }
    .subscribe summary {
      cursor: pointer;
      font-weight: 650;
      width: fit-content;
      padding: var(--_s1) 0;
    }
    .subscribe .stack {
      margin-top: var(--_s2);
      gap: var(--_s2);
    }
    .copy-row {
      display: flex;
      gap: var(--_s2);
    }
    .copy-row input {
      flex: 1 1 auto;
      min-width: 0;
      font-size: 0.9em;
    }
    a {
      color: var(--_accent);
      text-underline-offset: 0.15em;
    }
  `,
  dialogStyles,
];
