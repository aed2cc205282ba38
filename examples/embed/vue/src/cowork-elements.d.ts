// Types the cowork-* tags in Vue templates: their attributes, properties and `@cowork-*` events.
import '@coworking-commons/elements/types/vue';
