import { msg, str } from '@lit/localize';
import { listMemberCards } from '@coworking-commons/client';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { Space } from '../context/contexts.ts';
import { dispatchCowork, errorDetail, type CoworkEvent } from '../events.ts';
import { LocaleController, useMessages } from '../localization/localization.ts';
import { translated } from '../localization/translated.ts';
import { problemOf } from '../states/errors.ts';
import { LiveRegion } from '../states/live-region.ts';
import { renderEmpty, renderError, renderLoading, renderNotConfigured, renderUnsupported } from '../states/states.ts';
import { SpaceController } from '../controllers/space-controller.ts';
import { embeddedSignIn } from '../sign-in/embedded.ts';
import type { MemberCard } from '../member-card/member-card.ts';
import { memberDirectoryStyles } from './member-directory.styles.ts';
import messages from '../localization/generated/member-directory.ts';

useMessages(messages);

/** The pages loaded for one search (`key`: space, who is signed in, words, skill). */
interface Results {
  key: string;
  items: MemberCard[];
  /** The cursor of the next page; undefined on the last one. */
  next?: string | undefined;
  loading: boolean;
  error?: unknown;
  /** The previous search's cards, shown (dimmed) until the first page of this one arrives. */
  previous?: MemberCard[] | undefined;
}

const debounce = 300;

/**
 * The member directory of a space: the cards of the members who chose to appear in it, with a
 * search (name, company, headline, skills) and a skill filter, page after page — loaded as the
 * visitor scrolls, or with the "Load more members" button for keyboards. It follows the space's
 * policy: for members only, it invites to sign in (the sign-in form is in place); for the team
 * only, it says so. The number of members found is announced to screen readers.
 *
 * The cards are `<cowork-member-card variant="compact">`s given their data (no extra request);
 * a signed-in member can edit their own card right in the directory. A directory standing alone
 * hands its `api`, `space`, `storage` and `fetch` on to its cards and its sign-in form, so that
 * they share its connection (one per API and space on the page: one session, one client);
 * inside `<cowork-space>`, they all use the space's.
 *
 * Works inside `<cowork-space>` or alone with its own `api` and `space` attributes.
 *
 * @summary The member directory of a space, with search, skill filter and pages.
 * @attr api - The API base URL, when not inside `<cowork-space>`.
 * @attr space - The space id, when not inside `<cowork-space>`.
 * @attr storage - Where a member's token is kept: `session` (default, this tab) or `memory`.
 * @attr q - Words to search for at first.
 * @attr skill - A skill to filter by at first (`ux-design`).
 * @attr page-size - Cards per page (1–100, default 24).
 * @attr no-infinite-scroll - Load further pages only with the "Load more members" button (so the content after the directory stays reachable).
 * @attr heading - The heading; defaults to "Member directory". An empty value shows no heading.
 * @attr lang - The language (`fr`, `en`); otherwise the nearest ancestor's, then the page's.
 * @attr theme - `light` or `dark` to force a colour scheme; otherwise the visitor's preference.
 *
 * @slot empty - Shown under the "no member is in the directory yet" message (such as how to join it).
 *
 * @event cowork-member-updated - From a card: the signed-in member saved their card (`detail: { member, listed }`).
 * @event cowork-signed-in - From the embedded sign-in (members-only directory).
 * @event cowork-error - Something failed (`detail`: operation, kind, message, problem, error).
 *
 * @csspart base - The directory.
 * @csspart heading - The heading.
 * @csspart search - The search form.
 * @csspart search-input - The search field.
 * @csspart skill-select - The skill filter.
 * @csspart count - How many members are shown.
 * @csspart list - The list of cards.
 * @csspart card - Each `<cowork-member-card>`.
 * @csspart card-base - Inside each card: the card's frame (its part `base`).
 * @csspart card-avatar - Inside each card: the picture or initials.
 * @csspart card-name - Inside each card: the name.
 * @csspart card-skill - Inside each card: a skill.
 * @csspart card-link - Inside each card: a link.
 * @csspart load-more - The "Load more members" button.
 * @csspart invite - The invitation to sign in (members-only directory).
 * @csspart sign-in - The embedded `<cowork-sign-in>` of the invitation.
 * @csspart state - Loading, empty, error, offline and unsupported states (with `loading`, `empty`, `error`, `offline`, `unsupported`, `retry-button`).
 *
 * @cssprop --cowork-color-accent - Buttons, links and skill tags.
 * @cssprop --cowork-color-on-accent - Text on the accent colour.
 * @cssprop --cowork-color-surface - The background.
 * @cssprop --cowork-color-surface-raised - The cards.
 * @cssprop --cowork-color-text - Text.
 * @cssprop --cowork-color-muted - Secondary text.
 * @cssprop --cowork-color-border - Fields, buttons and cards.
 * @cssprop --cowork-color-danger - Errors.
 * @cssprop --cowork-color-focus - The focus ring.
 * @cssprop --cowork-font-family - The font.
 * @cssprop --cowork-font-size - The base font size.
 * @cssprop --cowork-radius - Corner radius.
 * @cssprop --cowork-space-1 - Spacing, smallest (`--cowork-space-2` … `--cowork-space-4` larger).
 * @cssprop --cowork-directory-column - The narrowest a column of cards gets (default 17em).
 */
export class CoworkMemberDirectory extends LitElement {
  static override styles = memberDirectoryStyles;

  static override properties = {
    api: {},
    space: {},
    storage: {},
    fetch: { attribute: false },
    q: {},
    skill: {},
    pageSize: { attribute: 'page-size', type: Number },
    noInfiniteScroll: { attribute: 'no-infinite-scroll', type: Boolean },
    heading: {},
  };

  declare api: string | undefined;
  declare space: string | undefined;
  declare storage: string | undefined;
  declare fetch: typeof globalThis.fetch | undefined;
  declare q: string | undefined;
  declare skill: string | undefined;
  declare pageSize: number | undefined;
  declare noInfiniteScroll: boolean;
  declare heading: string | undefined;

  #ctx = new SpaceController(this);
  #l10n = new LocaleController(this);
  #live = new LiveRegion(this);

  /** What is typed in the search field, and the words searched (after the pause). */
  #typed = '';
  #words = '';
  #skill = '';
  /** Skills seen on the cards so far, for the filter. */
  #skills = new Set<string>();
  #results: Results | undefined;
  #abort: AbortController | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** The server said no: `members` (401: sign in) or `staff` (403). */
  #denied: 'members' | 'staff' | undefined;
  #observer: IntersectionObserver | undefined;
  #sentinel: Element | null = null;
  #focus: string | undefined;
  #searched = false;

  override connectedCallback(): void {
    super.connectedCallback();
    this.#observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && this.#more(false), { rootMargin: '0px 0px 400px 0px' });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#observer?.disconnect();
    this.#sentinel = null;
    clearTimeout(this.#timer);
    this.#abort?.abort();
  }

  get #key(): string {
    return `${this.#ctx.spaceId}|${this.#ctx.member?.id ?? ''}|${this.#words}|${this.#skill}`;
  }

  /** Why this visitor may not see the directory: the space's policy, or what the server said. */
  #blocked(space: Space): 'members' | 'staff' | undefined {
    const visibility = space.policies.directoryVisibility;
    if (visibility === 'staff' || this.#denied === 'staff') return 'staff';
    return (visibility === 'members' || this.#denied === 'members') && !this.#ctx.member ? 'members' : undefined;
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('q')) this.#typed = this.#words = (this.q ?? '').trim().slice(0, 100);
    if (changed.has('skill')) this.#skill = this.skill ?? '';
    this.#ctx.needSpace();
    const { client, spaceId, space } = this.#ctx;
    if (!client || !spaceId || !space) return;
    if (this.#ctx.member && this.#denied === 'members') this.#denied = undefined;
    if (this.#blocked(space) || this.#ctx.supports('member-directory') === false) return;
    const key = this.#key;
    if (this.#results?.key !== key) void this.#load(key);
  }

  override updated(): void {
    const target = this.#focus;
    this.#focus = undefined;
    if (target) this.renderRoot.querySelector<HTMLElement>(target)?.focus();
    // Infinite scroll: watch the element after the list; observing again after each page makes
    // the observer tell at once whether it is still in view (a short page loads the next one).
    const sentinel = this.noInfiniteScroll ? null : this.renderRoot.querySelector('.sentinel');
    const results = this.#results;
    if (sentinel !== this.#sentinel || (sentinel && results && !results.loading)) {
      if (this.#sentinel) this.#observer?.unobserve(this.#sentinel);
      this.#sentinel = sentinel;
      if (sentinel && results && !results.loading && !results.error) this.#observer?.observe(sentinel);
    }
  }

  #fail(error: unknown, operation: string): void {
    dispatchCowork(this, 'cowork-error', errorDetail(error, operation));
  }

  async #load(key: string, cursor?: string, focusNew = false): Promise<void> {
    const current = this.#results;
    if (cursor && current) {
      current.loading = true;
      current.error = undefined;
    } else {
      this.#abort?.abort();
      this.#results = { key, items: [], loading: true, previous: current?.items.length ? current.items : current?.previous };
    }
    const abort = (this.#abort = new AbortController());
    const words = this.#words;
    const skill = this.#skill;
    const limit = Math.min(100, Math.max(1, Math.round(this.pageSize ?? 24) || 24));
    this.requestUpdate();
    try {
      const { data } = await listMemberCards(this.#ctx.client!, {
        path: { spaceId: this.#ctx.spaceId! },
        // Empty parameters are left out (the client sends no undefined value).
        query: { limit, q: words || undefined, skill: skill || undefined, cursor },
        signal: abort.signal,
      });
      const results = this.#results;
      if (results?.key !== key) return;
      const start = results.items.length;
      this.#results = { key, items: [...results.items, ...data.items], next: data.nextCursor, loading: false };
      for (const card of data.items) for (const s of card.skills) this.#skills.add(s);
      if (focusNew && data.items.length) this.#focus = `li[data-index="${start}"]`;
      if (cursor || this.#searched) this.#live.announce(this.#count());
    } catch (error) {
      if (this.#results?.key !== key || abort.signal.aborted) return;
      const status = problemOf(error)?.status;
      this.#denied = status === 401 ? 'members' : status === 403 ? 'staff' : undefined;
      this.#results = { ...this.#results!, loading: false, error };
      this.#fail(error, 'listMemberCards');
    }
    this.requestUpdate();
  }

  /** The next page: `focusNew` when asked with the button (the focus goes to the first new card). */
  #more(focusNew: boolean): void {
    const results = this.#results;
    if (!results?.next || results.loading || (results.error && !focusNew)) return;
    void this.#load(results.key, results.next, focusNew);
  }

  #search(now: boolean): void {
    clearTimeout(this.#timer);
    const apply = () => {
      const words = this.#typed.trim();
      if (words === this.#words) return;
      this.#words = words;
      this.#searched = true;
      this.requestUpdate();
    };
    if (now) apply();
    else this.#timer = setTimeout(apply, debounce);
  }

  #clear(): void {
    this.#typed = this.#words = this.#skill = '';
    this.#searched = true;
    this.#go('#q');
  }

  #go(target?: string): void {
    this.#focus = target;
    this.requestUpdate();
  }

  #count(): string {
    const results = this.#results!;
    const n = results.items.length;
    if (results.next) return msg(str`${n} members shown; there are more.`);
    return n === 0 ? msg('No member found.') : n === 1 ? msg('1 member found.') : msg(str`${n} members found.`);
  }

  #onUpdated(event: CoworkEvent<'cowork-member-updated'>): void {
    const results = this.#results;
    if (!results) return;
    const card = event.detail.member;
    results.items = results.items.map((item) => (item.id === card.id ? card : item));
    for (const s of card.skills) this.#skills.add(s);
    this.requestUpdate();
  }

  // ------------------------------------------------------------------------------------------
  // Rendering

  override render(): TemplateResult {
    const ctx = this.#ctx;
    const space = ctx.space;
    const heading = this.heading ?? msg('Member directory');
    let body: TemplateResult;
    if (!ctx.configured) body = renderNotConfigured('cowork-member-directory');
    else if (ctx.state?.error && !space) body = renderError(ctx.state.error, { onRetry: () => ctx.state!.reload() });
    else if (!space) body = renderLoading({ label: msg('Loading the member directory…'), lines: 4, minHeight: '16em' });
    else if (ctx.supports('member-directory') === false) body = renderUnsupported(msg('the member directory'));
    else if (this.#blocked(space) === 'staff')
      body = renderEmpty({ heading: msg('This member directory is not public.'), message: msg('Only the team of the space can see it.') });
    else if (this.#blocked(space)) body = this.#renderInvite(space);
    else body = this.#renderResults();
    return html`<section class="directory stack" part="base" aria-labelledby=${heading ? 'title' : nothing} aria-label=${heading ? nothing : msg('Member directory')}>
      ${heading ? html`<h2 id="title" part="heading">${heading}</h2>` : nothing} ${body} ${this.#live.render()}
    </section>`;
  }

  #renderInvite(space: Space): TemplateResult {
    return html`<div class="invite stack" part="invite">
      <div class="state">
        <p class="state-heading">${msg('The member directory is for members.')}</p>
        <p>${msg(str`Sign in as a member of ${translated(space, 'name', this.#l10n.lang)} to see who else works here.`)}</p>
      </div>
      ${embeddedSignIn(this, { part: 'sign-in' })}
    </div>`;
  }

  #renderResults(): TemplateResult {
    const results = this.#results;
    const filtered = !!(this.#words || this.#skill);
    const skills = [...new Set(this.#skills).add(this.#skill)].filter(Boolean).sort();
    const items = results?.items.length || !results?.loading ? (results?.items ?? []) : (results.previous ?? []);
    const first = !results || (results.loading && !results.items.length);
    let list: TemplateResult | typeof nothing = nothing;
    if (results?.error && !results.items.length) list = renderError(results.error, { onRetry: () => ((this.#results = undefined), this.requestUpdate()) });
    else if (first && !items.length) list = renderLoading({ label: msg('Loading the members…'), lines: 6, minHeight: '16em' });
    else if (!items.length)
      list = renderEmpty({
        heading: filtered ? msg('No member matches this search.') : msg('No member is in the directory yet.'),
        message: filtered ? msg('Try other words, or another skill.') : undefined,
        action: filtered ? html`<p><button type="button" class="button" @click=${() => this.#clear()}>${msg('Clear the search')}</button></p>` : html`<slot name="empty"></slot>`,
      });
    else
      list = html`<ul class="list" part="list" aria-busy=${first} aria-labelledby=${this.heading === '' ? nothing : 'title'} @cowork-member-updated=${this.#onUpdated}>
        ${items.map((card, i) => html`<li data-index=${i} tabindex="-1"><cowork-member-card
              api=${this.api ?? nothing}
              space=${this.space ?? nothing}
              storage=${this.storage ?? nothing}
              .fetch=${this.fetch}
              part="card"
              exportparts="base: card-base, avatar: card-avatar, name: card-name, skill: card-skill, link: card-link"
              variant="compact"
              heading-level="3"
              .member=${card}
            ></cowork-member-card></li>`)}
      </ul>`;
    return html`<form class="search" part="search" role="search" novalidate @submit=${(event: Event) => (event.preventDefault(), this.#search(true))}>
        <div class="field">
          <label for="q">${msg('Search')}</label>
          <input
            id="q"
            part="search-input"
            type="search"
            maxlength="100"
            autocomplete="off"
            aria-describedby="q-hint"
            .value=${this.#typed}
            @input=${(event: Event) => ((this.#typed = (event.target as HTMLInputElement).value), this.#search(false))}
          />
          <p class="hint" id="q-hint">${msg('A name, a company, a skill…')}</p>
        </div>
        <div class="field">
          <label for="skill">${msg('Skill')}</label>
          <select id="skill" part="skill-select" @change=${(event: Event) => ((this.#skill = (event.target as HTMLSelectElement).value), (this.#searched = true), this.requestUpdate())}>
            <option value="" ?selected=${!this.#skill}>${msg('All skills')}</option>
            ${skills.map((s) => html`<option value=${s} ?selected=${s === this.#skill}>${s}</option>`)}
          </select>
        </div>
      </form>
      ${results && !first && items.length ? html`<p class="muted" part="count" id="count">${this.#count()}</p>` : nothing} ${list}
      ${results?.error && results.items.length ? renderError(results.error, { onRetry: () => this.#more(true) }) : nothing}
      ${results?.next && !(results.error && results.items.length)
        ? html`<p class="more">
              <button type="button" class="button" part="load-more" aria-describedby="count" aria-disabled=${results.loading} @click=${() => this.#more(true)}>
                ${results.loading ? msg('Loading…') : msg('Load more members')}
              </button>
            </p>
            <div class="sentinel" aria-hidden="true"></div>`
        : nothing}`;
  }
}
