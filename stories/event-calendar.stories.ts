import { html, nothing } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { timeZone } from './fixtures/clock.ts';
import { dateOfEvent, events } from './fixtures/events.ts';
import { describeElement } from './support/manifest.ts';
import { click, shows } from './support/ready.ts';
import { defaultScenario, inSpace, scenarioArgTypes, type ApiState, type ScenarioArgs } from './support/scenario.ts';

type Args = ScenarioArgs & { view?: string; date?: string; tag?: string; withoutEventsFeature?: boolean };

const tag = 'cowork-event-calendar';

/** The view, drawn and no longer busy: the events are in. */
const drawn = '[part~="month"][aria-busy="false"], [part~="week"][aria-busy="false"], [part~="list"][aria-busy="false"], [part~="empty"]';

const shown: Record<ApiState, string> = {
  ready: drawn,
  loading: '[aria-busy="true"]',
  empty: drawn,
  error: '[part~="error"]',
  offline: '[part~="offline"]',
};

/** Opens an event's dialog. */
const open = (id: string) => async ({ canvasElement }: { canvasElement: HTMLElement }) => {
  await click(canvasElement, tag, `.view [data-id="${id}"]`);
  await shows(canvasElement, tag, '[part~="dialog"][open]');
};

const meta = {
  title: 'Elements/cowork-event-calendar',
  component: tag,
  parameters: describeElement(tag, 'the events sit around today: talks, a full workshop with a waiting list, a webinar, an open day, a two-day hackathon, a cancelled evening, and members-only breakfasts every Tuesday (seen once signed in).'),
  args: { ...defaultScenario },
  argTypes: {
    ...scenarioArgTypes(['ready', 'loading', 'empty', 'error', 'offline']),
    view: { control: 'inline-radio', options: [undefined, 'month', 'week', 'list'] },
    withoutEventsFeature: { control: 'boolean', description: 'The server’s discovery document does not list `events`.', table: { category: 'story' } },
  },
  render: (args) =>
    inSpace(
      args,
      html`<cowork-event-calendar
        lang=${args.lang}
        theme=${args.theme}
        view=${args.view ?? nothing}
        date=${args.date ?? nothing}
        tag=${args.tag ?? nothing}
      ></cowork-event-calendar>`,
      {
        loading: ['*'],
        error: ['GET /spaces/{spaceId}/events'],
        empty: (data) => (data.events = []),
        change: (data) => {
          if (args.withoutEventsFeature) data.features = data.features.filter((feature) => feature !== 'events');
        },
      },
    ),
  play: async ({ canvasElement, args }) => {
    await shows(canvasElement, tag, args.withoutEventsFeature ? '[part~="unsupported"]' : shown[args.state]);
  },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** This month's public events. */
export const Month: Story = {};

export const Week: Story = { args: { view: 'week', date: dateOfEvent('ev_ecodesign') } };

export const List: Story = { args: { view: 'list' } };

/** Only the talks (`tag="talk"`). */
export const FilteredByTopic: Story = { args: { view: 'list', tag: 'talk' } };

/** An event's dialog: details, place, organizer, seats left, and the guest's registration form. */
export const EventDialog: Story = { args: { date: dateOfEvent('ev_ecodesign') }, play: open('ev_ecodesign') };

/** A full event with a waiting list. */
export const FullEventDialog: Story = { args: { date: dateOfEvent('ev_invoicing') }, play: open('ev_invoicing') };

/** Signed in: the members-only breakfasts show too, and registering needs no form. */
export const SignedIn: Story = { args: { signedIn: true } };

export const SignedInEventDialog: Story = { args: { signedIn: true, date: dateOfEvent('ev_ecodesign') }, play: open('ev_ecodesign') };

/** The events are on their way: the grid is drawn already, busy. */
export const Loading: Story = { args: { state: 'loading' } };

/** No events this month. */
export const Empty: Story = { args: { state: 'empty' } };

export const EmptyList: Story = { args: { state: 'empty', view: 'list' } };

/** The server fails with a 500 problem document. */
export const ServerError: Story = { args: { state: 'error' } };

/** The device is offline. */
export const Offline: Story = { args: { state: 'offline' } };

/** A server whose discovery document does not list `events`. */
export const Unsupported: Story = { args: { withoutEventsFeature: true } };

export const French: Story = { args: { lang: 'fr' } };

export const FrenchEventDialog: Story = { args: { lang: 'fr', date: dateOfEvent('ev_ecodesign') }, play: open('ev_ecodesign') };

export const Dark: Story = { args: { theme: 'dark' } };

export const DarkWeek: Story = { args: { theme: 'dark', view: 'week', date: dateOfEvent('ev_ecodesign') } };

/** Narrower than 600 px, the calendar shows the list by default. */
export const Narrow: Story = { args: { width: 'narrow' } };

/**
 * Events given by the page (`.events`, in the spec's shape) instead of fetched: no
 * `<cowork-space>`, no request; `time-zone` places them.
 */
export const GivenEvents: Story = {
  render: (args) =>
    html`<cowork-event-calendar lang=${args.lang} theme=${args.theme} time-zone=${timeZone} view="list" .events=${events(new URL('assets/', location.href).href)}></cowork-event-calendar>`,
};
