import type { Plugin } from 'vite';

/**
 * The licence notices of the bundled packages (`/*! … *\/` and `@license` comments: Lit's,
 * @lit/localize's, @lit/context's, ky's) once per chunk, at its end: Lit repeats the same notice
 * in each of its modules (18 in the elements' core.js, 140 bytes gzip), and the minifiers drop a
 * notice that sits on an import they remove (ky's). The minifiers keep no comment; this plugin
 * reads the notices from the modules' sources and appends those of each chunk's modules, each
 * distinct text once, on one line.
 */
export function legalComments(): Plugin {
  const notices = new Map<string, string[]>();
  return {
    name: 'cowork:legal-comments',
    transform(code, id) {
      const found = [...code.matchAll(/\/\*(?:!|[\s*]*@license\b)[\s\S]*?\*\//g)].map((m) =>
        m[0]
          .replace(/^\/\*\*?!?|\*\/$/g, '')
          .split('\n')
          .map((line) => line.replace(/^\s*\*?\s?/, '').trim())
          .filter(Boolean)
          .join(' '),
      );
      if (found.length > 0) notices.set(id, found);
      else notices.delete(id);
      return null;
    },
    generateBundle(_, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        const texts = [...new Set(chunk.moduleIds.flatMap((id) => notices.get(id) ?? []))];
        // Before the source map's comment, which stays the file's last line.
        if (texts.length > 0) chunk.code = chunk.code.replace(/\n?(\/\/# sourceMappingURL=\S+\s*)?$/, (end) => `\n${texts.map((text) => `/*! ${text} */`).join('')}${end.startsWith('\n') ? end : `\n${end}`}`);
      }
    },
  };
}
