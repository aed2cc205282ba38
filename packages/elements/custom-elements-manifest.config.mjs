// The Custom Elements Manifest of @coworking-commons/elements, read from the elements' JSDoc
// (@attr, @csspart, @cssprop, @event, @slot), with the typings generated from it: JSX types for
// React 19, template types for Vue 3 and Svelte 5, and VS Code's HTML and CSS custom data.
// `npm run cem` writes them.
import { readFileSync, writeFileSync } from 'node:fs';
import { customElementJsxPlugin } from 'custom-element-jsx-integration';
import { customElementVsCodePlugin } from 'custom-element-vs-code-integration';

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

/**
 * The JSX generator types every event as `CustomEvent<never>` and names property types without
 * importing them: give each `cowork-*` handler its detail type from `CoworkEventMap`, and import the
 * named types from the package itself (test-d/jsx.test-d.ts proves they resolve).
 */
const typedJsx = {
  name: 'typed-jsx',
  packageLinkPhase() {
    const file = new URL('./types/jsx.d.ts', import.meta.url);
    const text = readFileSync(file, 'utf8').replace(
      /"on(cowork-[a-z-]+)"\?: \(e: CustomEvent<never>\) => void;/g,
      (_, name) => `"on${name}"?: (e: CustomEvent<CoworkEventMap["${name}"]>) => void;`,
    );
    const imports = 'import type { CalendarEvent, CalendarView, CoworkEventMap, MemberCard, Session, SpaceState } from "@coworking-commons/elements";\n\n';
    writeFileSync(file, imports + text);
  },
};

/** The custom elements of the manifest, by tag name. */
const customElements = (manifest) =>
  manifest.modules
    .flatMap((module) => module.declarations ?? [])
    .filter((declaration) => declaration.customElement && declaration.tagName)
    .sort((a, b) => a.tagName.localeCompare(b.tagName));

/**
 * Typings for Vue 3 templates and Svelte 5 markup, derived from the JSX props types (so from the
 * same attributes, properties and typed handlers): Svelte names handlers as React 19 does
 * (`oncowork-a-b`); Vue's templates look `@cowork-a-b` up as the prop `onCoworkAB`, which a mapped
 * type renames. test-d/vue and test-d/svelte prove both are checked.
 */
const frameworkTypes = {
  name: 'framework-types',
  packageLinkPhase({ customElementsManifest }) {
    const elements = customElements(customElementsManifest);
    const props = elements.map((element) => `${element.name}Props`).join(', ');
    const write = (fileName, lines) => writeFileSync(new URL(`./types/${fileName}`, import.meta.url), [...lines, ''].join('\n'));
    const header = (framework) => [
      '// Generated from custom-elements.json by custom-elements-manifest.config.mjs: do not edit.',
      `// Types the cowork-* tags in ${framework}: their attributes, properties and events.`,
    ];
    write('svelte.d.ts', [
      ...header('Svelte 5 markup'),
      "import type { HTMLAttributes } from 'svelte/elements';",
      `import type { ${props} } from './jsx.js';`,
      '',
      "declare module 'svelte/elements' {",
      '  interface SvelteHTMLElements {',
      ...elements.map((element) => `    '${element.tagName}': HTMLAttributes<HTMLElement> & ${element.name}Props;`),
      '  }',
      '}',
    ]);
    write('vue.d.ts', [
      ...header('Vue 3 templates'),
      "import type { DefineComponent } from 'vue';",
      `import type { ${props} } from './jsx.js';`,
      '',
      "type Camel<Name extends string> = Name extends `${infer Head}-${infer Tail}` ? `${Head}${Capitalize<Camel<Tail>>}` : Name;",
      '/** The props with each `oncowork-a-b` handler named `onCoworkAB`, as Vue looks `@cowork-a-b` up. */',
      'type VueProps<Props> = { [Key in keyof Props as Key extends `on${infer Event}` ? `on${Capitalize<Camel<Event>>}` : Key]: Props[Key] };',
      '',
      "declare module 'vue' {",
      '  interface GlobalComponents {',
      ...elements.map((element) => `    '${element.tagName}': DefineComponent<VueProps<${element.name}Props>>;`),
      '  }',
      '}',
    ]);
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
    frameworkTypes,
    customElementVsCodePlugin({ outdir: './types', htmlFileName: 'vscode.html-custom-data.json', cssFileName: 'vscode.css-custom-data.json', hideLogs: true }),
  ],
};
