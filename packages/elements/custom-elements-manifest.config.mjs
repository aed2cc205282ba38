// The Custom Elements Manifest of @coworking-commons/elements, read from the elements' JSDoc
// (@attr, @csspart, @cssprop, @event, @slot), with the typings generated from it:
// JSX types for React 19 and VS Code's HTML and CSS custom data. `npm run cem` writes them.
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
 * named types from the package itself (test-d/jsx.test-d.tsx proves they resolve).
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
    customElementVsCodePlugin({ outdir: './types', htmlFileName: 'vscode.html-custom-data.json', cssFileName: 'vscode.css-custom-data.json', hideLogs: true }),
  ],
};
