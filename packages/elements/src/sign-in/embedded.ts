import { html, nothing, type TemplateResult } from 'lit';
import type { SpaceHost } from '../controllers/space-controller.ts';

/**
 * A `<cowork-sign-in>` inside another element, on that element's connection: given its `api`,
 * `space`, `storage` and `fetch` when it stands alone (the sign-in then finds the same shared
 * connection, so the same session), and finding the enclosing `<cowork-space>` otherwise.
 * `lang`: the host's own language, where the sign-in sits under an element whose `lang` says the
 * language shown so far (which may still be loading another). The embedding element's `define`
 * registers the tag.
 */
export function embeddedSignIn(host: Pick<SpaceHost, 'api' | 'space' | 'storage' | 'fetch'>, options: { part?: string; theme?: string | null | undefined; lang?: string } = {}): TemplateResult {
  return html`<cowork-sign-in
    part=${options.part ?? nothing}
    lang=${options.lang ?? nothing}
    heading=""
    theme=${options.theme ?? nothing}
    api=${host.api ?? nothing}
    space=${host.space ?? nothing}
    storage=${host.storage ?? nothing}
    .fetch=${host.fetch}
  ></cowork-sign-in>`;
}
