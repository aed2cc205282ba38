import type { Connection } from '@coworking-commons/elements';
import type { TemplateResult } from 'lit';

/** What a section of the console is given: the connection (client, session, space), the language and the signed-in person's role. */
export interface SectionContext {
  connection: Connection;
  /** `en` or `fr`. */
  lang: string;
  role: 'staff' | 'admin';
}

/**
 * A section of the console: its place in the navigation (`#<id>`), who sees it, its name in each
 * language, and what it shows. Each section registers itself from its `define.ts`; src/define.ts
 * imports them in the order they appear.
 */
export interface Section {
  id: string;
  /** Admins see every section; staff only those that do not say `admin`. */
  adminOnly?: boolean;
  label: { en: string; fr: string };
  render(context: SectionContext): TemplateResult;
}

const sections: Section[] = [];

export function registerSection(section: Section): void {
  if (!sections.some((known) => known.id === section.id)) sections.push(section);
}

/** The sections a person with `role` sees, in the order they were registered. */
export function sectionsFor(role: 'staff' | 'admin'): readonly Section[] {
  return sections.filter((section) => !section.adminOnly || role === 'admin');
}
