// Types the cowork-* tags in JSX: their attributes, properties and `oncowork-*` events.
import type { CustomElements } from '@coworking-commons/elements/types/jsx';

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements extends CustomElements {}
  }
}
