import type { Connection } from '@coworking-commons/elements';
import { LitElement, css, html } from 'lit';
import { pick } from '../i18n/messages.ts';
import { consoleTheme } from '../shell/console.styles.ts';
import * as catalogues from './messages.ts';
import { embeddable, snippetOf } from './snippets.ts';

/**
 * The snippet of each element, filled in for this space (its API and id), ready to paste into the
 * space's website, each with a copy button.
 *
 * @summary The embedding snippets of the space's elements.
 */
export class CoworkConsoleEmbed extends LitElement {
  static override styles = [
    consoleTheme,
    css`
      :host {
        display: block;
      }
      section,
      .snippets li {
        display: grid;
        gap: 0.75em;
      }
      .snippets {
        display: grid;
        gap: 1.25em;
      }
      h2 {
        font-size: 1.3em;
      }
      h3 {
        font-size: 1.05em;
      }
      pre {
        margin: 0;
        padding: 0.75em;
        overflow-x: auto;
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        background: var(--_raised);
        font-size: 0.9em;
        white-space: pre;
      }
      .copy {
        display: flex;
        gap: 0.75em;
        align-items: center;
        flex-wrap: wrap;
      }
      .field {
        display: grid;
        gap: 0.25em;
      }
    `,
  ];
  static override properties = {
    connection: { attribute: false },
    locale: { type: String },
    _cdn: { state: true },
    _copied: { state: true },
  };

  declare connection: Connection | undefined;
  declare locale: string;
  declare _cdn: string | undefined;
  declare _copied: { tag: string; message: string } | undefined;

  constructor() {
    super();
    this.locale = 'en';
  }

  get messages(): catalogues.EmbedMessages {
    return pick(catalogues, this.locale);
  }

  async #copy(tag: string, text: string): Promise<void> {
    const m = this.messages;
    try {
      await navigator.clipboard.writeText(text);
      this._copied = { tag, message: m.copied };
    } catch {
      const pre = this.renderRoot.querySelector(`[data-snippet="${tag}"] pre`);
      if (pre) window.getSelection()?.selectAllChildren(pre);
      this._copied = { tag, message: m.copyRefused };
    }
  }

  protected override render() {
    const m = this.messages;
    const connection = this.connection;
    if (!connection) return html``;
    const cdn = this._cdn ?? `${connection.api}/cdn/`;
    return html`
      <section aria-labelledby="embed-heading">
        <h2 id="embed-heading">${m.heading}</h2>
        <p class="muted">${m.intro}</p>
        <div class="field">
          <label for="embed-cdn">${m.cdn}</label>
          <input id="embed-cdn" type="url" .value=${cdn} aria-describedby="embed-cdn-hint" @input=${(e: InputEvent) => (this._cdn = (e.target as HTMLInputElement).value.trim())} />
          <p class="muted" id="embed-cdn-hint">${m.cdnHint}</p>
        </div>
        <ul class="snippets">
          ${embeddable.map((tag) => {
            const text = snippetOf(tag, cdn, connection.api, connection.spaceId);
            return html`<li data-snippet=${tag}>
              <h3 id="snippet-${tag}">${m.elements[tag]}</h3>
              <pre tabindex="0" aria-labelledby="snippet-${tag}"><code>${text}</code></pre>
              <div class="copy">
                <button class="button" type="button" aria-describedby="snippet-${tag}" @click=${() => this.#copy(tag, text)}>${m.copy}</button>
                <span role="status">${this._copied?.tag === tag ? this._copied.message : ''}</span>
              </div>
            </li>`;
          })}
        </ul>
      </section>
    `;
  }
}
