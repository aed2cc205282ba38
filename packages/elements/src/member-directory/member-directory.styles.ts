import { css } from 'lit';
import { stateStyles } from '../states/states.ts';
import { controlStyles, themeStyles } from '../theme/theme.ts';

// Only what controlStyles and themeStyles do not do already (the directory is also `.stack`; the
// focus ring of a card's item is the theme's).
export const memberDirectoryStyles = [
  themeStyles,
  controlStyles,
  stateStyles,
  css`
    :host {
      container-type: inline-size;
    }
    .directory {
      padding: var(--_s3);
      min-width: 0;
    }
    .search {
      display: grid;
      grid-template-columns: minmax(0, 2fr) minmax(10em, 1fr);
      gap: var(--_s2) var(--_s3);
      align-items: start;
    }
    @container (max-width: 34em) {
      .search {
        grid-template-columns: minmax(0, 1fr);
      }
    }
    input[type='search']::-webkit-search-cancel-button {
      cursor: pointer;
    }
    .list {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, var(--cowork-directory-column, 17em)), 1fr));
      gap: var(--_s3);
      padding: 0;
      list-style: none;
      transition: opacity 150ms ease;
    }
    .list[aria-busy='true'] {
      opacity: 0.55;
    }
    .list > li {
      min-width: 0;
      border-radius: var(--_radius);
    }
    .list cowork-member-card {
      height: 100%;
    }
    /* A member editing their own card gets the whole row. */
    .list > li:has(> [editing]) {
      grid-column: 1 / -1;
    }
    .more {
      display: flex;
      justify-content: center;
    }
    .sentinel {
      height: 1px;
      margin-top: -1px;
    }
    .invite {
      max-width: 36em;
    }
  `,
];
