import { html, nothing } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { describeElement } from './support/manifest.ts';
import { click, shows } from './support/ready.ts';
import { defaultScenario, inSpace, scenarioArgTypes, type ApiState, type ScenarioArgs } from './support/scenario.ts';

type Args = ScenarioArgs & { heading?: string };

const tag = 'cowork-my-bookings';

const shown: Record<ApiState, string> = {
  ready: '[part~="booking"]',
  loading: '[part~="loading"]',
  empty: '[part~="empty"]',
  error: '[part~="error"]',
  offline: '[part~="offline"]',
};

const meta = {
  title: 'Elements/cowork-my-bookings',
  component: tag,
  parameters: describeElement(tag, 'Camille Durand is signed in, with a phone booth in three hours (too late to cancel online: the space asks 24 hours’ notice), a workshop, a desk for the day and a room awaiting approval. Signed out, sign in with code `123456`.'),
  args: { ...defaultScenario, signedIn: true },
  argTypes: scenarioArgTypes(['ready', 'loading', 'empty', 'error', 'offline']),
  render: (args) =>
    inSpace(
      args,
      html`<cowork-my-bookings lang=${args.lang} theme=${args.theme} heading=${args.heading ?? nothing}>
        <a slot="empty" href="#book">Book a desk or a room</a>
      </cowork-my-bookings>`,
      {
        loading: ['GET /spaces/{spaceId}/bookings'],
        error: ['GET /spaces/{spaceId}/bookings'],
        empty: (data) => (data.bookings = []),
      },
    ),
  play: async ({ canvasElement, args }) => {
    await shows(canvasElement, tag, args.signedIn ? shown[args.state] : '[part~="sign-in"]');
  },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** The upcoming bookings, each with its status, price and a cancel button when still possible. */
export const SignedIn: Story = {};

/** Signed out: an invitation to sign in, with the sign-in form in place. */
export const SignedOut: Story = { args: { signedIn: false } };

/** Cancelling asks for a confirmation first. */
export const ConfirmCancellation: Story = {
  play: async ({ canvasElement }) => {
    await click(canvasElement, tag, '[part~="cancel-button"]');
    await shows(canvasElement, tag, '[part~="confirm"]');
  },
};

/** The bookings are on their way. */
export const Loading: Story = { args: { state: 'loading' } };

/** No upcoming booking: the page's own link in the `empty` slot. */
export const Empty: Story = { args: { state: 'empty' } };

/** The server fails with a 500 problem document. */
export const ServerError: Story = { args: { state: 'error' } };

/** The device is offline. */
export const Offline: Story = { args: { state: 'offline' } };

export const French: Story = { args: { lang: 'fr' } };

export const Dark: Story = { args: { theme: 'dark' } };

export const Narrow: Story = { args: { width: 'narrow' } };

export const FrenchDarkNarrow: Story = { args: { lang: 'fr', theme: 'dark', width: 'narrow' } };
