/**
 * Shared rendering of the states every element shows.
 *
 * Exports (each returns a lit `TemplateResult`; add `stateStyles` to the element's styles):
 * - `renderLoading({ label?, lines?, minHeight? })`: a skeleton that reserves `minHeight` (so the
 *   content replacing it does not make the page jump), with a `role="status"` label.
 * - `renderEmpty({ heading, message?, action? })`.
 * - `renderError(error, { onRetry?, heading?, feature? })`: the error in words (`describeError`),
 *   as an alert, with a "Try again" button when `onRetry` is given; offline errors are shown as
 *   `renderOffline`, and a 501 as `renderUnsupported(feature)` when `feature` (its name) is given.
 * - `renderOffline({ onRetry? })`: navigator is offline.
 * - `renderUnsupported(feature)`: "This server does not offer <feature>", the feature named in the
 *   active language by the element (from the discovery document's features, or a 501 problem).
 * - `renderNotConfigured(tag)`: for webmasters: neither `api` + `space` nor a `<cowork-space>`.
 * - `stateStyles`.
 * Parts: `state`, plus `loading`, `empty`, `error`, `offline`, `unsupported`, `retry-button`.
 */
import { msg, str } from '@lit/localize';
import { css, html, nothing, type TemplateResult } from 'lit';
import { describeError } from './errors.ts';
import { useMessages } from '../localization/localization.ts';
import messages from '../localization/generated/states.ts';

useMessages(messages);

// Styles go through `.style` (the CSSOM), never a `style` attribute, which a strict CSP blocks.
export function renderLoading(options: { label?: string; lines?: number; minHeight?: string } = {}): TemplateResult {
  const lines = Array.from({ length: options.lines ?? 3 }, (_, index) => index);
  return html`<div class="state loading" part="state loading" role="status" aria-live="polite" .style=${options.minHeight ? `min-height:${options.minHeight}` : ''}>
    <span class="visually-hidden">${options.label ?? msg('Loading…')}</span>
    <div class="skeleton" aria-hidden="true">${lines.map((index) => html`<span class="bone" .style=${`width:${index === 0 ? 45 : 100 - index * 12}%`}></span>`)}</div>
  </div>`;
}

export function renderEmpty(options: { heading: string; message?: string; action?: TemplateResult }): TemplateResult {
  return html`<div class="state empty" part="state empty">
    <p class="state-heading">${options.heading}</p>
    ${options.message ? html`<p class="muted">${options.message}</p>` : nothing} ${options.action ?? nothing}
  </div>`;
}

export function renderOffline(options: { onRetry?: () => void } = {}): TemplateResult {
  return html`<div class="state offline" part="state offline" role="alert">
    <p class="state-heading">${msg('You are offline')}</p>
    <p class="muted">${msg('This will work again once your device is back online.')}</p>
    ${retryButton(options.onRetry)}
  </div>`;
}

/** `feature`: what is missing, in the active language, as the element names it (`msg('events')`). */
export function renderUnsupported(feature: string): TemplateResult {
  return html`<div class="state unsupported" part="state unsupported" role="note">
    <p class="state-heading">${msg(str`This server does not offer ${feature}.`)}</p>
    <p class="muted">${msg('Ask the space for another way to do this.')}</p>
  </div>`;
}

export function renderError(error: unknown, options: { onRetry?: () => void; heading?: string; feature?: string } = {}): TemplateResult {
  const info = describeError(error);
  if (info.kind === 'offline') return renderOffline(options);
  if (info.kind === 'not-implemented' && options.feature) return renderUnsupported(options.feature);
  return html`<div class="state error" part="state error" role="alert">
    <p class="state-heading">${options.heading ?? msg('Something went wrong')}</p>
    <p>${info.message}</p>
    ${retryButton(options.onRetry)}
  </div>`;
}

export function renderNotConfigured(tag: string): TemplateResult {
  return html`<div class="state error" part="state error" role="alert">
    <p class="state-heading">${msg('This element is not connected to a space yet.')}</p>
    <p class="muted">${msg(str`Give the ${tag} element the api and space attributes, or place it inside a cowork-space element.`)}</p>
  </div>`;
}

function retryButton(onRetry: (() => void) | undefined) {
  return onRetry ? html`<p><button type="button" class="button" part="retry-button" @click=${onRetry}>${msg('Try again')}</button></p>` : nothing;
}

export const stateStyles = css`
  .state {
    display: flex;
    flex-direction: column;
    gap: var(--_s2);
    padding: var(--_s3);
    border-radius: var(--_radius);
    background: var(--_raised);
  }
  .state-heading {
    font-weight: 650;
  }
  .state.error,
  .state.offline {
    border-inline-start: 4px solid var(--_danger);
  }
  .skeleton {
    display: flex;
    flex-direction: column;
    gap: var(--_s2);
  }
  .bone {
    display: block;
    height: 1em;
    border-radius: 0.25em;
    background: var(--_skeleton);
    animation: cowork-pulse 1.2s ease-in-out infinite alternate;
  }
  @keyframes cowork-pulse {
    from {
      opacity: 1;
    }
    to {
      opacity: 0.45;
    }
  }
`;
