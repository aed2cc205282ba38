/**
 * What every story of an element can vary, as args (so each is also a control in Storybook's
 * panel): the API's state, whether a member is signed in, the language, the colour scheme and
 * the width. `inSpace()` turns them into a fixture API and the `<cowork-space>` that gives it to
 * the element; the frame decorator (frame.ts) applies the width, the page's colour and offline.
 */
import { html, type TemplateResult } from 'lit';
import type { ArgTypes } from '@storybook/web-components-vite';
import { connect } from '@coworking-commons/elements';
import { createFixtureApi, type FixtureApi, type RoutePattern } from '../fixtures/fixture-api.ts';
import type { FixtureData } from '../fixtures/data.ts';
import { api, spaceId } from '../fixtures/space.ts';

/**
 * `ready`: the fixture data; `loading`: requests never answer (until the client's 10 s timeout);
 * `empty`: nothing to show; `error`: a `500` problem document; `offline`: no network.
 */
export type ApiState = 'ready' | 'loading' | 'empty' | 'error' | 'offline';

export interface ScenarioArgs {
  state: ApiState;
  signedIn: boolean;
  lang: 'en' | 'fr';
  theme: 'light' | 'dark';
  /** `narrow`: 320 px, the narrowest page the elements support. */
  width: 'wide' | 'narrow';
}

export const defaultScenario: ScenarioArgs = { state: 'ready', signedIn: false, lang: 'en', theme: 'light', width: 'wide' };

/**
 * The controls of the scenario args, in the "story" category (the element's own come from its
 * manifest). The connection (`api`, `space`, `storage`, `fetch`) is the story's: not a control.
 */
export function scenarioArgTypes(states: readonly ApiState[]): ArgTypes {
  const story = { category: 'story' };
  return {
    api: { control: false },
    space: { control: false },
    storage: { control: false },
    state: { control: 'select', options: states, description: 'What the fixture API does.', table: story },
    signedIn: { control: 'boolean', description: 'Whether a member (Camille Durand) is signed in.', table: story },
    width: { control: 'inline-radio', options: ['wide', 'narrow'], description: '`narrow`: 320 px.', table: story },
    lang: { control: 'inline-radio', options: ['en', 'fr'] },
    theme: { control: 'inline-radio', options: ['light', 'dark'] },
  };
}

/** How an element's states map to the fixture API. */
export interface StateMapping {
  /** The operations that never answer in the loading state (default: all). */
  loading?: readonly RoutePattern[];
  /** The operations that fail in the error state (default: all). */
  error?: readonly RoutePattern[];
  /** Empties the data in the empty state. */
  empty?: (data: FixtureData) => void;
  /** Other changes to the data, in every state. */
  change?: (data: FixtureData) => void;
}

/** The URL stories/assets/ is served at (see staticDirs in .storybook/main.ts). */
const assets = new URL('assets/', location.href).href;

/** A fixture API for these args. */
function fixtureApi(args: ScenarioArgs, mapping: StateMapping = {}): FixtureApi {
  const fixture = createFixtureApi({
    assets,
    hold: args.state === 'loading' ? (mapping.loading ?? ['*']) : [],
    fail: args.state === 'error' ? (mapping.error ?? ['*']) : [],
    offline: args.state === 'offline',
    change: (data) => {
      mapping.change?.(data);
      if (args.state === 'empty') mapping.empty?.(data);
    },
  });
  // Signed in before the first render, on the session <cowork-space> will share (one per fetch).
  if (args.signedIn) connect({ api, spaceId, storage: 'memory', fetch: fixture.fetch }).session.signIn(fixture.signIn());
  return fixture;
}

/** `content` inside a `<cowork-space>` connected to a fixture API for these args. */
export function inSpace(args: ScenarioArgs, content: TemplateResult, mapping: StateMapping = {}): TemplateResult {
  const fixture = fixtureApi(args, mapping);
  return html`<cowork-space api=${api} space=${spaceId} storage="memory" .fetch=${fixture.fetch}>${content}</cowork-space>`;
}
