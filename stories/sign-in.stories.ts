import { html, nothing } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { signedInEmail } from './fixtures/members.ts';
import { describeElement } from './support/manifest.ts';
import { shows, submit } from './support/ready.ts';
import { defaultScenario, inSpace, scenarioArgTypes, type ScenarioArgs } from './support/scenario.ts';

type Args = ScenarioArgs & { heading?: string };

const tag = 'cowork-sign-in';
const emailField = 'input[autocomplete="email"]';
const codeField = 'input[autocomplete="one-time-code"]';

const meta = {
  title: 'Elements/cowork-sign-in',
  component: tag,
  parameters: describeElement(tag, 'every code is `123456`; any active member’s email works, such as `camille.durand@example.org`.'),
  args: { ...defaultScenario },
  argTypes: scenarioArgTypes(['ready', 'loading', 'error', 'offline']),
  render: (args) =>
    inSpace(args, html`<cowork-sign-in lang=${args.lang} theme=${args.theme} heading=${args.heading ?? nothing}></cowork-sign-in>`, {
      loading: ['POST /spaces/{spaceId}/auth/code'],
      error: ['POST /spaces/{spaceId}/auth/code'],
    }),
  play: async ({ canvasElement, args }) => {
    if (args.signedIn) return void (await shows(canvasElement, tag, '[part~="signed-in"]'));
    if (args.state === 'ready') return void (await shows(canvasElement, tag, emailField));
    // Loading, error and offline show once a code is asked for.
    await submit(canvasElement, tag, emailField, signedInEmail);
    await shows(canvasElement, tag, args.state === 'loading' ? '[part~="submit-button"][aria-disabled="true"]' : '[part~="error"][role="alert"]');
  },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** The email step: a member asks for a code. */
export const SignedOut: Story = {};

/** After the email: the code step. */
export const CodeStep: Story = {
  play: async ({ canvasElement }) => {
    await submit(canvasElement, tag, emailField, signedInEmail);
    await shows(canvasElement, tag, codeField);
  },
};

/** A wrong code: the field says so. */
export const WrongCode: Story = {
  play: async ({ canvasElement }) => {
    await submit(canvasElement, tag, emailField, signedInEmail);
    await submit(canvasElement, tag, codeField, '000000');
    await shows(canvasElement, tag, '.field-error, [part~="error"]');
  },
};

/** The code is on its way: the button waits for the server. */
export const Sending: Story = { args: { state: 'loading' } };

/** The server fails with a 500 problem document. */
export const ServerError: Story = { args: { state: 'error' } };

/** The device is offline. */
export const Offline: Story = { args: { state: 'offline' } };

/** Signed in: who, and a sign-out button. */
export const SignedIn: Story = { args: { signedIn: true } };

export const French: Story = { args: { lang: 'fr' } };

export const Dark: Story = { args: { theme: 'dark' } };

export const Narrow: Story = { args: { width: 'narrow' } };

/** With a heading of the page's own. */
export const CustomHeading: Story = { args: { heading: 'Espace membres', lang: 'fr' } };
