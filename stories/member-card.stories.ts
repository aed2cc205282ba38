import { html, nothing } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { cardOf, members } from './fixtures/members.ts';
import { describeElement } from './support/manifest.ts';
import { click, shows } from './support/ready.ts';
import { defaultScenario, inSpace, scenarioArgTypes, type ApiState, type ScenarioArgs } from './support/scenario.ts';
import type { DirectoryVisibility } from './fixtures/types.ts';

type Args = ScenarioArgs & { member: string; variant?: string; readonly?: boolean; directoryVisibility?: DirectoryVisibility };

const tag = 'cowork-member-card';

const shown: Record<ApiState, string> = {
  ready: '[part~="name"]',
  loading: '[part~="loading"]',
  empty: '[part~="empty"]',
  error: '[part~="error"]',
  offline: '[part~="offline"], [part~="error"]',
};

const meta = {
  title: 'Elements/cowork-member-card',
  component: tag,
  parameters: describeElement(tag, 'Camille Durand (`mb_camille`) is the member who signs in and may edit her card; Yanis (`mb_yanis`) has a picture; Hugo (`mb_hugo`) keeps his card out of the directory.'),
  args: { ...defaultScenario, member: 'mb_yanis' },
  argTypes: {
    ...scenarioArgTypes(['ready', 'loading', 'empty', 'error', 'offline']),
    member: { control: 'select', options: ['mb_camille', 'mb_yanis', 'mb_aminata', 'mb_thomas', 'mb_hugo'] },
    variant: { control: 'inline-radio', options: ['full', 'compact'] },
    directoryVisibility: { control: 'inline-radio', options: ['public', 'members', 'staff'], description: 'The space’s policy (`policies.directoryVisibility`).', table: { category: 'story' } },
  },
  render: (args) =>
    inSpace(
      args,
      html`<cowork-member-card lang=${args.lang} theme=${args.theme} member=${args.member} variant=${args.variant ?? nothing} ?readonly=${args.readonly}>
        <a slot="actions" href="#write">Write to this member</a>
      </cowork-member-card>`,
      {
        loading: ['*'],
        error: ['GET /spaces/{spaceId}/members/{memberId}'],
        // Nobody in the directory: no card is available.
        empty: (data) => data.members.forEach((member) => (member.directoryConsent = false)),
        change: (data) => {
          if (args.directoryVisibility) data.space.policies.directoryVisibility = args.directoryVisibility;
        },
      },
    ),
  play: async ({ canvasElement, args }) => {
    await shows(canvasElement, tag, args.directoryVisibility && args.directoryVisibility !== 'public' && !args.signedIn ? '[part~="empty"]' : shown[args.state]);
  },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** A card fetched by member id, with a picture and links; the page's own link in the `actions` slot. */
export const Full: Story = {};

/** A member without a picture: initials on a colour of their own. */
export const Initials: Story = { args: { member: 'mb_thomas' } };

/** The compact variant (the directory's). */
export const Compact: Story = { args: { variant: 'compact' } };

/** Given its data (`.member`): no `<cowork-space>`, no request. */
export const GivenCard: Story = {
  render: (args) => html`<cowork-member-card lang=${args.lang} theme=${args.theme} .member=${cardOf(members(new URL('assets/', location.href).href)[1]!)}></cowork-member-card>`,
};

/** The signed-in member's own card: "Edit my card". */
export const OwnCard: Story = {
  args: { member: 'mb_camille', signedIn: true },
  play: async ({ canvasElement }) => void (await shows(canvasElement, tag, '[part~="edit-button"]')),
};

/** Editing one's own card. */
export const Editing: Story = {
  args: { member: 'mb_camille', signedIn: true },
  play: async ({ canvasElement }) => {
    await click(canvasElement, tag, '[part~="edit-button"]');
    await shows(canvasElement, tag, '[part~="form"]');
  },
};

/** The card is on its way. */
export const Loading: Story = { args: { state: 'loading' } };

/** A member out of the directory: the card is not available. */
export const NotAvailable: Story = { args: { state: 'empty' } };

/** A space whose cards are for members, visited signed out. */
export const MembersOnly: Story = { args: { directoryVisibility: 'members' } };

/** The server fails with a 500 problem document. */
export const ServerError: Story = { args: { state: 'error' } };

/** The device is offline. */
export const Offline: Story = { args: { state: 'offline' } };

export const French: Story = { args: { lang: 'fr' } };

export const Dark: Story = { args: { theme: 'dark' } };

export const Narrow: Story = { args: { width: 'narrow' } };
