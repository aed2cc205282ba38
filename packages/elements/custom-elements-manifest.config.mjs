// The Custom Elements Manifest of @coworking-commons/elements, read from the elements' JSDoc
// (@attr, @csspart, @cssprop, @event, @slot), with the typings generated from it: JSX types for
// React 19, template types for Vue 3 and Svelte 5, and VS Code's HTML and CSS custom data.
// `npm run cem` writes them.
import { readFileSync, writeFileSync } from 'node:fs';
import { customElementJsxPlugin } from 'custom-element-jsx-integration';
import { customElementVsCodePlugin } from 'custom-element-vs-code-integration';
import { customElementVuejsPlugin } from 'custom-element-vuejs-integration';

/** Internal reactive state (`_name`, declared `state: true`) is not public API: leave it out. */
const hideInternalState = {
  name: 'hide-internal-state',
  packageLinkPhase({ customElementsManifest }) {
    // The files are read in no fixed order; sorting keeps the manifest the same from run to run.
    customElementsManifest.modules.sort((a, b) => a.path.localeCompare(b.path));
    for (const module of customElementsManifest.modules) {
      for (const declaration of module.declarations ?? []) {
        if (declaration.attributes) declaration.attributes = declaration.attributes.filter((a) => !a.name.startsWith('_'));
        if (declaration.members) declaration.members = declaration.members.filter((m) => !m.name.startsWith('_') && !m.name.startsWith('#') && m.privacy !== 'private');
      }
    }
  },
};

/** Rewrites a generated typings file in ./types. */
function rewriteTypes(name, fileName, rewrite) {
  return {
    name,
    packageLinkPhase() {
      const file = new URL(`./types/${fileName}`, import.meta.url);
      writeFileSync(file, rewrite(readFileSync(file, 'utf8')));
    },
  };
}

const untypedEvent = /"on(cowork-[a-z-]+)"\?: \(e: CustomEvent<never>\) => void;/g;

/**
 * The JSX generator types every event as `CustomEvent<never>` and names property types without
 * importing them: give each `cowork-*` handler its detail type from `CoworkEventMap`, and import the
 * named types from the package itself (test-d/jsx.test-d.ts proves they resolve).
 */
const typedJsx = rewriteTypes('typed-jsx', 'jsx.d.ts', (text) => {
  const imports = 'import type { CalendarEvent, CalendarView, CoworkEventMap, MemberCard, Session, SpaceState } from "@coworking-commons/elements";\n\n';
  return imports + text.replace(untypedEvent, (_, event) => `"on${event}"?: (e: CustomEvent<CoworkEventMap["${event}"]>) => void;`);
});

/**
 * The Vue generator has the same untyped events, under names Vue's templates never look up (`@a-b`
 * is the prop `onAB`), types the attributes that have no property (`lang`, `theme`) as a missing
 * property, and declares a global JSX namespace that would clash with React's: give the handlers
 * their camel-cased names and detail types, `lang` and `theme` a string, and keep to Vue's
 * `GlobalComponents` (test-d/vue/TypedTemplates.vue proves templates are checked).
 */
const typedVue = rewriteTypes('typed-vue', 'vue.d.ts', (text) =>
  text
    .replace('import type {\n', 'import type {\n  CoworkEventMap,\n')
    .replace(untypedEvent, (_, event) => `${camelCase(`on-${event}`)}?: (e: CustomEvent<CoworkEventMap["${event}"]>) => void;`)
    .replace(/\b\w+\["undefined"\]/g, 'string')
    .replace(/\ndeclare global \{[\s\S]*$/, '\n'),
);

const camelCase = (kebab) => kebab.replace(/-([a-z])/g, (_, letter) => letter.toUpperCase());

/**
 * Svelte 5 names attributes, properties and `oncowork-*` handlers as React 19 does, so its typings
 * reuse the JSX props types, on top of Svelte's own HTML attributes (test-d/svelte proves it).
 */
const svelteTypes = {
  name: 'svelte-types',
  packageLinkPhase({ customElementsManifest }) {
    const elements = customElementsManifest.modules
      .flatMap((module) => module.declarations ?? [])
      .filter((declaration) => declaration.customElement && declaration.tagName)
      .sort((a, b) => a.tagName.localeCompare(b.tagName));
    const props = elements.map((element) => `${element.name}Props`);
    const lines = [
      '// Generated from custom-elements.json by custom-elements-manifest.config.mjs: do not edit.',
      '// Types the cowork-* tags in Svelte 5 markup: their attributes, properties and `oncowork-*` events.',
      "import type { HTMLAttributes } from 'svelte/elements';",
      `import type { ${props.join(', ')} } from './jsx.js';`,
      '',
      "declare module 'svelte/elements' {",
      '  interface SvelteHTMLElements {',
      ...elements.map((element) => `    '${element.tagName}': HTMLAttributes<HTMLElement> & ${element.name}Props;`),
      '  }',
      '}',
      '',
    ];
    writeFileSync(new URL('./types/svelte.d.ts', import.meta.url), lines.join('\n'));
  },
};

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/model/**', 'src/localization/generated/**'],
  outdir: '.',
  litelement: true,
  dependencies: false,
  plugins: [
    hideInternalState,
    customElementJsxPlugin({ outdir: './types', fileName: 'jsx.d.ts', hideLogs: true }),
    typedJsx,
    svelteTypes,
    customElementVuejsPlugin({ outdir: './types', fileName: 'vue.d.ts', globalTypePath: '@coworking-commons/elements', hideLogs: true }),
    typedVue,
    customElementVsCodePlugin({ outdir: './types', htmlFileName: 'vscode.html-custom-data.json', cssFileName: 'vscode.css-custom-data.json', hideLogs: true }),
  ],
};
