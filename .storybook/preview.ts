import { setCustomElementsManifest, type Preview } from '@storybook/web-components-vite';
import { withActions } from 'storybook/actions/decorator';
import manifest from '../packages/elements/custom-elements.json' with { type: 'json' };
import '@coworking-commons/elements/define-all';
import { frame } from '../stories/support/frame.ts';
import { argTypesOf, documentedEvents } from '../stories/support/manifest.ts';

setCustomElementsManifest(manifest);

const preview: Preview = {
  tags: ['autodocs'],
  decorators: [withActions, frame],
  parameters: {
    layout: 'fullscreen',
    controls: { expanded: true },
    // The `cowork-*` events, shown in the Actions panel as the elements send them.
    actions: { handles: documentedEvents() },
    docs: {
      // The tables of attributes, properties, events, slots, CSS parts and custom properties, from
      // the Custom Elements Manifest (see stories/support/manifest.ts for why not Storybook's reading).
      extractArgTypes: argTypesOf,
      // Each story of a docs page in an iframe of its own: the elements share one language per
      // page, and offline or signed-in stories must not change their neighbours.
      story: { inline: false, iframeHeight: 560 },
    },
    options: { storySort: { order: ['Introduction', 'Elements', 'Theming'] } },
  },
};

export default preview;
