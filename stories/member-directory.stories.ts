import { html, nothing } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { describeElement } from './support/manifest.ts';
import { shows } from './support/ready.ts';
import { defaultScenario, inSpace, scenarioArgTypes, type ApiState, type ScenarioArgs } from './support/scenario.ts';
import type { DirectoryVisibility } from './fixtures/types.ts';

type Args = ScenarioArgs & { q?: string; skill?: string; pageSize?: number; noInfiniteScroll?: boolean; heading?: string; directoryVisibility?: DirectoryVisibility; withoutDirectoryFeature?: boolean };

const tag = 'cowork-member-directory';

const shown: Record<ApiState, string> = {
  ready: '[part~="list"][aria-busy="false"] [part~="card"]',
  loading: '[part~="loading"]',
  empty: '[part~="empty"]',
  error: '[part~="error"]',
  offline: '[part~="offline"]',
};

const meta = {
  title: 'Elements/cowork-member-directory',
  component: tag,
  parameters: describeElement(tag, 'twenty members are in the directory, eight to a page; the space’s policy (`directoryVisibility`) is a story control.'),
  args: { ...defaultScenario, pageSize: 8, noInfiniteScroll: true },
  argTypes: {
    ...scenarioArgTypes(['ready', 'loading', 'empty', 'error', 'offline']),
    directoryVisibility: { control: 'inline-radio', options: ['public', 'members', 'staff'], description: 'The space’s policy (`policies.directoryVisibility`).', table: { category: 'story' } },
    withoutDirectoryFeature: { control: 'boolean', description: 'The server’s discovery document does not list `member-directory`.', table: { category: 'story' } },
  },
  render: (args) =>
    inSpace(
      args,
      html`<cowork-member-directory
        lang=${args.lang}
        theme=${args.theme}
        q=${args.q ?? nothing}
        skill=${args.skill ?? nothing}
        page-size=${args.pageSize ?? nothing}
        ?no-infinite-scroll=${args.noInfiniteScroll}
        heading=${args.heading ?? nothing}
      >
        <p slot="empty">Members choose to appear here from their own card.</p>
      </cowork-member-directory>`,
      {
        loading: ['*'],
        error: ['GET /spaces/{spaceId}/members'],
        empty: (data) => data.members.forEach((member) => (member.directoryConsent = false)),
        change: (data) => {
          if (args.directoryVisibility) data.space.policies.directoryVisibility = args.directoryVisibility;
          if (args.withoutDirectoryFeature) data.features = data.features.filter((feature) => feature !== 'member-directory');
        },
      },
    ),
  play: async ({ canvasElement, args }) => {
    const blocked = args.directoryVisibility === 'staff' || (args.directoryVisibility === 'members' && !args.signedIn);
    await shows(canvasElement, tag, args.withoutDirectoryFeature ? '[part~="unsupported"]' : blocked ? '[part~="invite"], [part~="empty"]' : shown[args.state]);
  },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** The first page of cards, and "Load more members". */
export const Directory: Story = {};

/** A search given at first (`q`): accents and case do not matter. */
export const Search: Story = { args: { q: 'developpeur' } };

/** Filtered by a skill (`skill`). */
export const Skill: Story = { args: { skill: 'accounting' } };

/** Signed in: one's own card can be edited right in the directory. */
export const SignedIn: Story = { args: { signedIn: true } };

/** A members-only directory, signed out: an invitation to sign in, with the form. */
export const MembersOnlySignedOut: Story = { args: { directoryVisibility: 'members' } };

export const MembersOnlySignedIn: Story = { args: { directoryVisibility: 'members', signedIn: true } };

/** A directory for the staff only. */
export const StaffOnly: Story = { args: { directoryVisibility: 'staff' } };

/** The cards are on their way. */
export const Loading: Story = { args: { state: 'loading' } };

/** Nobody is in the directory yet: the page's own text in the `empty` slot. */
export const Empty: Story = { args: { state: 'empty' } };

/** The server fails with a 500 problem document. */
export const ServerError: Story = { args: { state: 'error' } };

/** The device is offline. */
export const Offline: Story = { args: { state: 'offline' } };

/** A server without the member directory. */
export const Unsupported: Story = { args: { withoutDirectoryFeature: true } };

export const French: Story = { args: { lang: 'fr' } };

export const Dark: Story = { args: { theme: 'dark' } };

export const Narrow: Story = { args: { width: 'narrow' } };
