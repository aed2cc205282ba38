import { html } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import type { ArgTypes, Meta, StoryObj } from '@storybook/web-components-vite';
import { openWeekday } from './fixtures/clock.ts';
import { shows } from './support/ready.ts';
import { defaultScenario, inSpace, scenarioArgTypes, type ScenarioArgs } from './support/scenario.ts';
import { themeProperties, type ThemeProperty } from './support/theme-properties.ts';

type Properties = Partial<Record<ThemeProperty['name'], string>>;
type Args = ScenarioArgs & Properties;

const propertyArgTypes = Object.fromEntries(
  themeProperties.map((p) => [
    p.name,
    {
      control: p.kind === 'color' ? { type: 'color' } : { type: 'text' },
      description: `${p.description} Built in: \`${p.light}\`${p.dark ? `, dark \`${p.dark}\`` : ''}.`,
      table: { category: 'custom properties', defaultValue: { summary: p.light } },
    },
  ]),
) as Partial<ArgTypes<Args>>;

/**
 * The elements take the page's colours, font, sizes and spacing through `--cowork-*` custom
 * properties, set here on a wrapper as a page sets them on any ancestor (or on the elements).
 * Change them in the Controls panel: the elements follow live. An empty value keeps the built-in
 * one, which has a light and a dark variant; a value set applies to both schemes.
 */
const meta = {
  title: 'Theming/Custom properties',
  args: { ...defaultScenario },
  argTypes: { ...scenarioArgTypes(['ready']), ...propertyArgTypes },
  render: (args) => {
    const properties = Object.fromEntries(themeProperties.filter((p) => args[p.name]).map((p) => [p.name, args[p.name]!]));
    return html`<div class="themed" style=${styleMap({ display: 'grid', gap: '1.5rem', gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 20rem), 1fr))', alignItems: 'start', ...properties })}>
      ${inSpace(
        args,
        html`<cowork-booking lang=${args.lang} theme=${args.theme} resource="rs_atelier" date=${openWeekday(3)} style="grid-column: 1 / -1"></cowork-booking>
          <cowork-member-card lang=${args.lang} theme=${args.theme} member="mb_yanis"></cowork-member-card>
          <cowork-sign-in lang=${args.lang} theme=${args.theme}></cowork-sign-in>`,
      )}
    </div>`;
  },
  play: async ({ canvasElement }) => {
    await shows(canvasElement, 'cowork-booking', '[part~="time"]');
    await shows(canvasElement, 'cowork-member-card', '[part~="name"]');
  },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** Nothing set: the built-in theme. */
export const BuiltIn: Story = {};

/** A space's own palette, font and square corners. */
export const Brand: Story = {
  args: {
    '--cowork-color-accent': '#7b2d8e',
    '--cowork-color-on-accent': '#ffffff',
    '--cowork-color-surface': '#fffaf3',
    '--cowork-color-surface-raised': '#f4ece0',
    '--cowork-color-text': '#2b1d14',
    '--cowork-color-muted': '#5e4d40',
    '--cowork-color-border': '#8c7a6b',
    '--cowork-color-focus': '#b35900',
    '--cowork-font-family': 'Georgia, "Times New Roman", serif',
    '--cowork-radius': '0',
  },
};

/** The same space at night: its dark palette, for `theme="dark"`. */
export const BrandDark: Story = {
  args: {
    theme: 'dark',
    '--cowork-color-accent': '#e3b5ef',
    '--cowork-color-on-accent': '#2a0f33',
    '--cowork-color-surface': '#1d1712',
    '--cowork-color-surface-raised': '#2b231c',
    '--cowork-color-text': '#f6eee6',
    '--cowork-color-muted': '#cdbfb2',
    '--cowork-color-border': '#9a8878',
    '--cowork-color-focus': '#ffb870',
    '--cowork-font-family': 'Georgia, "Times New Roman", serif',
    '--cowork-radius': '0',
  },
};

/** Larger text, rounder corners and more room, for a page with a large base size. */
export const Roomy: Story = {
  args: { '--cowork-font-size': '1.25rem', '--cowork-radius': '1em', '--cowork-space-3': '1.25em', '--cowork-space-4': '2em' },
};

export const Narrow: Story = { args: { width: 'narrow' } };
