// Types the cowork-* tags in Svelte markup: their attributes, properties and `oncowork-*` events.
import '@coworking-commons/elements/types/svelte';
