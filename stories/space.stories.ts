import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { describeElement } from './support/manifest.ts';
import { shows } from './support/ready.ts';
import { defaultScenario, inSpace, scenarioArgTypes, type ScenarioArgs } from './support/scenario.ts';

type Args = ScenarioArgs;

const meta = {
  title: 'Elements/cowork-space',
  component: 'cowork-space',
  parameters: describeElement('cowork-space', 'a sign-in and "my bookings" share one `<cowork-space>`: signing in with one (code `123456`) signs the other in.'),
  args: { ...defaultScenario },
  argTypes: scenarioArgTypes(['ready', 'loading', 'error', 'offline']),
  render: (args) =>
    inSpace(
      args,
      html`<div lang=${args.lang} style="display: grid; gap: 1.5rem">
        <cowork-sign-in theme=${args.theme}></cowork-sign-in>
        <cowork-my-bookings theme=${args.theme}></cowork-my-bookings>
      </div>`,
      { loading: ['*'], error: ['GET /spaces/{spaceId}'] },
    ),
  play: async ({ canvasElement, args }) => {
    const bookings = { ready: args.signedIn ? '[part~="booking"]' : '[part~="sign-in"]', loading: '[part~="loading"]', empty: '[part~="empty"]', error: '[part~="error"]', offline: '[part~="offline"]' };
    await shows(canvasElement, 'cowork-sign-in', args.signedIn ? '[part~="signed-in"]' : '[part~="form"]');
    await shows(canvasElement, 'cowork-my-bookings', bookings[args.state]);
  },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** Signed out: both elements invite to sign in. */
export const SignedOut: Story = {};

/** Signed in: the session is shared. */
export const SignedIn: Story = { args: { signedIn: true } };

/** The space is on its way. */
export const Loading: Story = { args: { state: 'loading', signedIn: true } };

/** The space could not be loaded (a 500 problem document): each element says so. */
export const ServerError: Story = { args: { state: 'error', signedIn: true } };

export const Offline: Story = { args: { state: 'offline', signedIn: true } };

export const French: Story = { args: { lang: 'fr', signedIn: true } };

export const Dark: Story = { args: { theme: 'dark', signedIn: true } };

export const Narrow: Story = { args: { width: 'narrow' } };
