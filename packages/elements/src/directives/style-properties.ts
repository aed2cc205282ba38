import { noChange } from 'lit';
import { Directive, directive, PartType, type AttributePart, type PartInfo } from 'lit/directive.js';

type Properties = Record<string, string | undefined>;

/**
 * `style=${styleProperties({ top: '10%', '--c': '3' })}`: sets CSS properties (kebab-case names,
 * custom properties included) through the CSSOM, on first render too. Lit's `styleMap` writes a
 * `style` attribute on first render, which a Content-Security-Policy without `'unsafe-inline'`
 * in `style-src` blocks; CSSOM changes are allowed.
 */
class StyleProperties extends Directive {
  #names: string[] = [];

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ATTRIBUTE || part.name !== 'style') throw new Error('styleProperties belongs in a style attribute');
  }

  render(_properties: Properties): typeof noChange {
    return noChange;
  }

  override update(part: AttributePart, [properties]: [Properties]): typeof noChange {
    const { style } = part.element as HTMLElement;
    for (const name of this.#names) if (properties[name] === undefined) style.removeProperty(name);
    for (const [name, value] of Object.entries(properties)) if (value !== undefined) style.setProperty(name, value);
    this.#names = Object.keys(properties);
    return noChange;
  }
}

export const styleProperties = directive(StyleProperties);
