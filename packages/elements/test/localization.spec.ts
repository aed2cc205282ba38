import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { msg } from '@lit/localize';
import { LitElement } from 'lit';
import { durationMs, parseDuration } from '../src/localization/duration.ts';
import { formatDate, formatDuration, formatMoney, formatTimeRange, formatZonedRange, instantOf, localDate, timeZoneOffset } from '../src/localization/format.ts';
import { activeLocale, LocaleController, matchLocale, resolveLang } from '../src/localization/localization.ts';
import { translated } from '../src/localization/translated.ts';
// The probe's message is also one of states.ts, whose translations load with that module.
import '../src/states/states.ts';

class LangProbe extends LitElement {
  locale = new LocaleController(this);
  protected override render() {
    return html`<p>${msg('Try again')}</p>`;
  }
}
customElements.define('test-lang-probe', LangProbe);

const shown = (el: LangProbe) => el.shadowRoot!.textContent!.trim();

describe('language resolution', () => {
  afterEach(() => document.documentElement.removeAttribute('lang'));

  it('follows the element’s lang first', async () => {
    document.documentElement.lang = 'en';
    const el = await fixture<LangProbe>(html`<div lang="en"><test-lang-probe lang="fr"></test-lang-probe></div>`).then((d) => d.querySelector<LangProbe>('test-lang-probe')!);
    expect(el.locale.lang).to.equal('fr');
    await waitUntil(() => shown(el) === 'Réessayer', 'French shows');
  });

  it('then its nearest ancestor’s, across shadow roots', async () => {
    const host = await fixture<HTMLElement>(html`<section lang="fr-CA"><div></div></section>`);
    const inner = host.querySelector('div')!.attachShadow({ mode: 'open' });
    inner.innerHTML = '<span><test-lang-probe></test-lang-probe></span>';
    const el = inner.querySelector<LangProbe>('test-lang-probe')!;
    expect(resolveLang(el)).to.equal('fr-CA');
    expect(el.locale.lang).to.equal('fr-CA');
    await waitUntil(() => el.locale.locale === 'fr');
    expect(el.locale.intl).to.equal('fr-CA');
    await waitUntil(() => shown(el) === 'Réessayer');
  });

  it('then the document’s', async () => {
    document.documentElement.lang = 'fr';
    const el = await fixture<LangProbe>(html`<test-lang-probe></test-lang-probe>`);
    expect(el.locale.lang).to.equal('fr');
    await waitUntil(() => shown(el) === 'Réessayer');
    document.documentElement.lang = '';
    const other = await fixture<LangProbe>(html`<test-lang-probe></test-lang-probe>`);
    expect(other.locale.lang, 'English without any lang').to.equal('en');
  });

  it('follows changes at runtime: the element’s, an ancestor’s, the document’s', async () => {
    document.documentElement.lang = 'en';
    const wrapper = await fixture<HTMLElement>(html`<div><test-lang-probe></test-lang-probe></div>`);
    const el = wrapper.querySelector<LangProbe>('test-lang-probe')!;
    await waitUntil(() => shown(el) === 'Try again');
    document.documentElement.lang = 'fr';
    await waitUntil(() => shown(el) === 'Réessayer', 'the document’s change is followed');
    wrapper.lang = 'en';
    await waitUntil(() => shown(el) === 'Try again', 'the ancestor’s change is followed');
    el.lang = 'fr';
    await waitUntil(() => shown(el) === 'Réessayer', 'the element’s change is followed');
    el.removeAttribute('lang');
    await waitUntil(() => shown(el) === 'Try again', 'removing it falls back to the ancestor');
  });

  it('has one active locale per page: the most recently connected element wins', async () => {
    const first = await fixture<LangProbe>(html`<test-lang-probe lang="fr"></test-lang-probe>`);
    await waitUntil(() => shown(first) === 'Réessayer');
    const second = await fixture<LangProbe>(html`<test-lang-probe lang="en"></test-lang-probe>`);
    await waitUntil(() => shown(second) === 'Try again');
    expect(activeLocale()).to.equal('en');
    await first.updateComplete;
    expect(shown(first), 'the first element follows the page').to.equal('Try again');
  });

  it('a language asked for while another still loads wins, even the one already active', async () => {
    expect(activeLocale()).to.equal('en');
    const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
    const french = Object.assign(document.createElement('test-lang-probe'), { lang: 'fr' });
    const english = Object.assign(document.createElement('test-lang-probe'), { lang: 'en' }) as LangProbe;
    // In one task: French starts loading, then English (the active locale) is asked for.
    wrapper.append(french, english);
    await new Promise((wake) => setTimeout(wake, 300));
    await english.updateComplete;
    expect(activeLocale()).to.equal('en');
    expect(shown(english)).to.equal('Try again');
  });

  it('matches unknown languages to English, regional ones to their language', () => {
    expect(matchLocale('fr-BE')).to.equal('fr');
    expect(matchLocale('FR')).to.equal('fr');
    expect(matchLocale('de')).to.equal('en');
    expect(matchLocale('')).to.equal('en');
  });
});

describe('formatting with Intl', () => {
  const paris = { timeZone: 'Europe/Paris' };
  it('formats dates and time ranges in the space’s zone', () => {
    const start = '2026-12-01T09:00:00Z';
    const end = '2026-12-01T11:00:00Z';
    expect(formatDate(start, { ...paris, locale: 'fr' })).to.equal('mardi 1 décembre 2026');
    expect(formatDate(start, { ...paris, locale: 'en' })).to.equal('Tuesday, December 1, 2026');
    expect(formatTimeRange(start, end, { ...paris, locale: 'fr' })).to.match(/^10:00\s–\s12:00$/);
    expect(formatTimeRange(start, end, { timeZone: 'America/New_York', locale: 'en' })).to.match(/^4:00\s–\s6:00\sAM$/);
  });

  it('shows the visitor’s zone alongside only when its offset differs', () => {
    const start = '2026-07-01T08:00:00Z';
    const end = '2026-07-01T09:00:00Z';
    const range = formatZonedRange(start, end, { ...paris, locale: 'en-GB' }, 'Europe/London');
    expect(range.space).to.match(/10:00\s?–\s?11:00/);
    expect(range.visitor).to.match(/09:00\s?–\s?10:00\sBST/);
    expect(formatZonedRange(start, end, { ...paris, locale: 'en' }, 'Europe/Berlin').visitor).to.equal(undefined);
  });

  it('handles daylight-saving changes', () => {
    expect(timeZoneOffset('2026-03-29T00:30:00Z', 'Europe/Paris')).to.equal(60);
    expect(timeZoneOffset('2026-03-29T01:30:00Z', 'Europe/Paris')).to.equal(120);
    expect(instantOf('2026-03-29', '09:00', 'Europe/Paris').toISOString()).to.equal('2026-03-29T07:00:00.000Z');
    expect(instantOf('2026-10-25', '09:00', 'Europe/Paris').toISOString()).to.equal('2026-10-25T08:00:00.000Z');
    expect(localDate('2026-12-31T23:30:00Z', 'Europe/Paris')).to.equal('2027-01-01');
  });

  it('formats durations and money', () => {
    expect(durationMs(parseDuration('PT1H30M')!)).to.equal(5_400_000);
    expect(durationMs(parseDuration('P1W')!)).to.equal(7 * 86_400_000);
    expect(parseDuration('P1M2')).to.equal(undefined);
    expect(formatDuration('PT24H', 'en')).to.equal('24 hours');
    expect(formatDuration('PT1H30M', 'fr').replace(/\s/g, ' ')).to.equal('1 heure et 30 minutes');
    expect(formatDuration(90, 'en')).to.equal('1 hour, 30 minutes');
    expect(formatDuration('P1D', 'fr').replace(/\s/g, ' ')).to.equal('1 jour');
    expect(formatMoney({ amount: 5000, currency: 'EUR' }, 'fr')).to.match(/^50\s€$/);
    expect(formatMoney({ amount: 3750, currency: 'EUR' }, 'en')).to.equal('€37.50');
    expect(formatMoney({ amount: 1500, currency: 'JPY' }, 'en')).to.equal('¥1,500');
  });

  it('picks translated texts by language', () => {
    const resource = { name: 'Salle Atelier', translations: { en: { name: 'Workshop room' } } };
    expect(translated(resource, 'name', 'en-GB')).to.equal('Workshop room');
    expect(translated(resource, 'name', 'fr')).to.equal('Salle Atelier');
    expect(translated({ name: 'X' } as { name: string; translations?: Record<string, Record<string, string>> }, 'name', 'en')).to.equal('X');
  });
});
