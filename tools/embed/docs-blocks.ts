/** A fenced code block of a Markdown document. */
export interface CodeBlock {
  /** The path given by the `<!-- example: path -->` comment right above the fence, if any. */
  example: string | undefined;
  /** The nearest `##` heading above it. */
  section: string;
  language: string;
  code: string;
}

/**
 * The fenced code blocks of `markdown`. A block preceded by `<!-- example: examples/… -->` claims
 * to be that file, verbatim.
 */
export function codeBlocks(markdown: string): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  const lines = markdown.split('\n');
  let section = '';
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const heading = /^## (.+)$/.exec(line);
    if (heading) section = heading[1]!.trim();
    const fence = /^(`{3,})(\S*)\s*$/.exec(line);
    if (!fence) continue;
    const end = lines.findIndex((l, j) => j > i && l.trimEnd() === fence[1]);
    if (end < 0) throw new Error(`Unclosed code block at line ${i + 1}`);
    const marker = /^<!-- example: (\S+) -->$/.exec(lines[i - 1]?.trim() ?? '');
    blocks.push({ example: marker?.[1], section, language: fence[2]!, code: lines.slice(i + 1, end).join('\n') });
    i = end;
  }
  return blocks;
}
