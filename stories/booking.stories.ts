import { html, nothing } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { openWeekday } from './fixtures/clock.ts';
import { describeElement } from './support/manifest.ts';
import { click, clickButton, fill, shows } from './support/ready.ts';
import { defaultScenario, inSpace, scenarioArgTypes, type ApiState, type ScenarioArgs } from './support/scenario.ts';

type Args = ScenarioArgs & { resource?: string; type?: string; date?: string; duration?: string };

const tag = 'cowork-booking';

const shown: Record<ApiState, string> = {
  ready: '[part~="step-heading"]',
  loading: '[part~="loading"]',
  empty: '[part~="empty"]',
  error: '[part~="error"]',
  offline: '[part~="offline"]',
};

/** A preset resource on a weekday ahead: the widget opens on the day's free times. */
const atelier = { resource: 'rs_atelier', date: openWeekday(3) };

/** Picks the first free time and continues to the review step. */
async function review(canvas: HTMLElement): Promise<void> {
  await click(canvas, tag, '[part~="time"] input');
  await clickButton(canvas, tag, 'Continue');
  await shows(canvas, tag, '[part~="summary"]');
}

const meta = {
  title: 'Elements/cowork-booking',
  component: tag,
  parameters: describeElement(tag, 'the fixture space La Ruche (Nantes, Europe/Paris) has an open space of 12 desks, two meeting rooms (one needs approval) and members-only phone booths. Bookings made in a story stay in its fixture API until it is rendered again.'),
  args: { ...defaultScenario },
  argTypes: {
    ...scenarioArgTypes(['ready', 'loading', 'empty', 'error', 'offline']),
    resource: { control: 'select', options: [undefined, 'rs_open_space', 'rs_atelier', 'rs_petit_salon', 'rs_cabine'] },
    type: { control: 'select', options: [undefined, 'hot_desk', 'meeting_room', 'phone_booth'] },
  },
  render: (args) =>
    inSpace(
      args,
      html`<cowork-booking
        lang=${args.lang}
        theme=${args.theme}
        resource=${args.resource ?? nothing}
        type=${args.type ?? nothing}
        date=${args.date ?? nothing}
        duration=${args.duration ?? nothing}
      ></cowork-booking>`,
      {
        loading: ['*'],
        error: ['GET /spaces/{spaceId}/resources'],
        empty: (data) => (data.resources = []),
      },
    ),
  play: async ({ canvasElement, args }) => {
    await shows(canvasElement, tag, args.resource && args.state === 'ready' ? '[part~="time"]' : shown[args.state]);
  },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** Step 1: the resources that can be booked online, with photos, capacity and prices. */
export const ChooseResource: Story = {};

/** Only the meeting rooms (`type="meeting_room"`). */
export const MeetingRoomsOnly: Story = { args: { type: 'meeting_room' } };

/** A preset resource and date (`resource`, `date`): the calendar and the day's free start times. */
export const PickATime: Story = { args: { ...atelier } };

/** A time picked: the summary, the price the server quotes, and the guest's details. */
export const Review: Story = {
  args: { ...atelier },
  play: async ({ canvasElement }) => review(canvasElement),
};

/** Booked as a guest: the confirmation, with "Add to my calendar" and cancellation. */
export const Confirmed: Story = {
  args: { ...atelier },
  play: async ({ canvasElement }) => {
    await review(canvasElement);
    await fill(canvasElement, tag, 'input[autocomplete="name"]', 'Alex Martin');
    const email = await fill(canvasElement, tag, 'input[autocomplete="email"]', 'alex.martin@example.org');
    email.form?.requestSubmit();
    await shows(canvasElement, tag, '[part~="confirmation"]');
  },
};

/** Signed in: member prices, and booking without any form to fill. */
export const SignedIn: Story = { args: { ...atelier, signedIn: true } };

/** A resource only members may book (`rs_cabine`), signed out: the sign-in comes first. */
export const MembersOnly: Story = {
  args: { resource: 'rs_cabine' },
  play: async ({ canvasElement }) => void (await shows(canvasElement, tag, 'cowork-sign-in')),
};

/** The space and its resources are on their way. */
export const Loading: Story = { args: { state: 'loading' } };

/** Nothing can be booked online. */
export const Empty: Story = { args: { state: 'empty' } };

/** The server fails with a 500 problem document. */
export const ServerError: Story = { args: { state: 'error' } };

/** The device is offline. */
export const Offline: Story = { args: { state: 'offline' } };

export const French: Story = { args: { lang: 'fr' } };

export const FrenchPickATime: Story = { args: { ...atelier, lang: 'fr' } };

export const Dark: Story = { args: { ...atelier, theme: 'dark' } };

export const Narrow: Story = { args: { width: 'narrow' } };

export const NarrowPickATime: Story = { args: { ...atelier, width: 'narrow' } };
