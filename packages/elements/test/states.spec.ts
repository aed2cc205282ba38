import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement, type TemplateResult } from 'lit';
import { ApiError, NetworkError, TimeoutError } from '@coworking-commons/client';
import { describeError, isNotImplemented } from '../src/states/errors.ts';
import { LiveRegion } from '../src/states/live-region.ts';
import { OnlineController } from '../src/states/online-controller.ts';
import { renderEmpty, renderError, renderLoading, renderOffline, renderUnsupported, stateStyles } from '../src/states/states.ts';
import { controlStyles, themeStyles } from '../src/theme/theme.ts';
import { expectNoAxeViolations } from './support/axe.ts';
import { problemResponse } from './support/fixture-server.ts';

class StateProbe extends LitElement {
  static override styles = [themeStyles, controlStyles, stateStyles];
  static override properties = { content: { attribute: false } };
  declare content: TemplateResult | undefined;
  live = new LiveRegion(this);
  online = new OnlineController(this, () => this.backOnline++);
  backOnline = 0;
  protected override render() {
    return html`${this.live.render()}${this.content}`;
  }
}
customElements.define('test-state-probe', StateProbe);

async function apiError(status: number, type: string, headers: Record<string, string> = {}) {
  const response = problemResponse(status, type, 'T', {}, headers);
  return new ApiError(response, await response.clone().json());
}

describe('states', () => {
  it('renders loading, empty, error with retry, offline and unsupported, each accessible', async () => {
    let retried = 0;
    const el = await fixture<StateProbe>(html`<test-state-probe></test-state-probe>`);
    const cases: [string, TemplateResult][] = [
      ['loading', renderLoading({ minHeight: '8rem' })],
      ['empty', renderEmpty({ heading: 'Nothing here' })],
      ['error', renderError(await apiError(500, 'internal'), { onRetry: () => retried++ })],
      ['offline', renderOffline({ onRetry: () => retried++ })],
      ['unsupported', renderUnsupported('waiting lists')],
    ];
    for (const [part, content] of cases) {
      el.content = content;
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector(`[part~="${part}"]`), part).to.exist;
      await expectNoAxeViolations(el);
    }
    el.content = renderError(new TypeError('Failed to fetch'), { onRetry: () => retried++ });
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="retry-button"]')!.click();
    expect(retried).to.equal(1);
    el.content = renderLoading({ minHeight: '8rem' });
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector<HTMLElement>('[part~="loading"]')!.getBoundingClientRect().height).to.be.at.least(127);
  });

  it('describes errors for people', async () => {
    expect(describeError(await apiError(429, 'rate-limited', { 'retry-after': '120' })).message).to.equal('Too many attempts. Please wait 2 minutes and try again.');
    expect(describeError(await apiError(501, 'not-implemented')).kind).to.equal('not-implemented');
    expect(isNotImplemented(await apiError(501, 'not-implemented'))).to.equal(true);
    expect(describeError(await apiError(503, 'internal')).kind).to.equal('server');
    expect(describeError(new TimeoutError(new Request('https://x.test/'))).kind).to.equal('timeout');
    expect(describeError(new NetworkError(new Request('https://x.test/'), { cause: new TypeError('x') })).kind).to.equal('network');
    expect(describeError(new Error('?')).kind).to.equal('other');
  });

  it('says a feature is missing when the server answers 501', async () => {
    const el = await fixture<StateProbe>(html`<test-state-probe></test-state-probe>`);
    const error = await apiError(501, 'not-implemented');
    el.content = isNotImplemented(error) ? renderUnsupported('waiting lists') : renderError(error);
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.contain('This server does not offer waiting lists.');
  });

  it('announces through a polite live region, the same message twice too', async () => {
    const el = await fixture<StateProbe>(html`<test-state-probe></test-state-probe>`);
    const region = el.shadowRoot!.querySelector('[role="status"]')!;
    expect(region.getAttribute('aria-live')).to.equal('polite');
    el.live.announce('Saved');
    await waitUntil(() => region.textContent === 'Saved');
    el.live.announce('Saved');
    await el.updateComplete;
    expect(region.textContent).to.equal('');
    await waitUntil(() => region.textContent === 'Saved');
  });

  it('follows the online and offline events', async () => {
    const el = await fixture<StateProbe>(html`<test-state-probe></test-state-probe>`);
    expect(el.online.online).to.equal(true);
    const onLine = Object.getOwnPropertyDescriptor(Navigator.prototype, 'onLine')!;
    try {
      Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
      window.dispatchEvent(new Event('offline'));
      expect(el.online.online).to.equal(false);
      expect(describeError(new TypeError('Failed to fetch')).kind).to.equal('offline');
      Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => true });
      window.dispatchEvent(new Event('online'));
      expect(el.online.online).to.equal(true);
      expect(el.backOnline).to.equal(1);
    } finally {
      delete (navigator as unknown as Record<string, unknown>).onLine;
      Object.defineProperty(Navigator.prototype, 'onLine', onLine);
    }
  });
});
