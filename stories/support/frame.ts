/**
 * The frame every story renders in: 320 px wide for `width: narrow`, the page dark behind a dark
 * element, and the device offline for `state: offline` (set on every render, so switching the
 * control back brings it online again).
 */
import { html } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import type { Decorator } from '@storybook/web-components-vite';
import { setOffline } from './offline.ts';
import type { ScenarioArgs } from './scenario.ts';

export const frame: Decorator = (story, { args }) => {
  const { width, theme, state } = args as Partial<ScenarioArgs>;
  setOffline(state === 'offline');
  const page = theme === 'dark' ? { background: '#0b0f0e', colorScheme: 'dark' } : { background: '#ffffff' };
  return html`<div class="story-page" style=${styleMap({ ...page, padding: '1rem', minHeight: '100vh', boxSizing: 'border-box' })}>
    <div class="story-width" style=${styleMap(width === 'narrow' ? { width: '320px' } : {})}>${story()}</div>
  </div>`;
};
