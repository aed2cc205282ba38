import { msg, str } from '@lit/localize';
import { listEvents } from '@coworking-commons/client';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { SpaceController } from '../controllers/space-controller.ts';
import { dispatchCowork, errorDetail } from '../events.ts';
import { LocaleController, useMessages } from '../localization/localization.ts';
import { translated } from '../localization/translated.ts';
import { describeError } from '../states/errors.ts';
import { LiveRegion } from '../states/live-region.ts';
import { OnlineController } from '../states/online-controller.ts';
import { renderEmpty, renderError, renderLoading, renderNotConfigured, renderUnsupported } from '../states/states.ts';
import { EventDialog, type DialogTarget } from './event-dialog.ts';
import { eventCalendarStyles } from './event-calendar.styles.ts';
import { renderList } from './list-view.ts';
import { filterItems, tagCounts, type TagCount } from './model/filter.ts';
import { itemsBetween, toCalendarItems, type CalendarItem } from './model/items.ts';
import { layoutList, type ListEntry } from './model/list.ts';
import { layoutMonth, monthGrid } from './model/month.ts';
import { CALENDAR_VIEWS, fetchWindow, isCalendarView, periodOf, step, windowCovers, type CalendarView, type FetchWindow, type Period } from './model/navigation.ts';
import { dayLabels, timeLabels } from './model/labels.ts';
import { layoutWeek } from './model/week.ts';
import { DAY, firstDayOfWeek, isoFromDay, isTimeZone, MINUTE, parseIsoDate, partsFromDay, toWallMs, today, utcDateOfDay, type DayNumber, type Weekday } from './model/zoned-date.ts';
import { gridKeyTarget, MONTH_LANES, renderMonth } from './month-view.ts';
import { makeTexts, tagLabel, viewLabel, type CalendarEvent, type Texts } from './text.ts';
import { renderWeek, WEEK_ALL_DAY_LANES } from './week-view.ts';
import messages from '../localization/generated/event-calendar.ts';

useMessages(messages);

/** The week's title format ("9 – 15 March 2026"), per locale. */
const rangeFormats = new Map<string, Intl.DateTimeFormat>();

/** Below this width (px) of the element, the list view is the default. */
const NARROW = 600;
/** Pages of 100 events read at most for one view (10,000 events). */
const MAX_PAGES = 100;

interface Loaded {
  key: string;
  spaceId: string;
  member: string;
  window: FetchWindow;
  data?: CalendarEvent[];
  error?: unknown;
}

/**
 * The event calendar of a coworking space: a month grid, a week time grid and a list (agenda),
 * with previous / next / today, a filter by topic, members-only events once a member is signed
 * in, and a dialog per event with its details and registration (as the signed-in member or as a
 * guest, with a waiting list when the event is full, and cancellation). Events are placed in the
 * space's time zone, whatever the visitor's. "Subscribe" gives the space's iCalendar feed, and
 * each event can be added to one's calendar.
 *
 * Below 600 px of its own width it shows the list by default. The month grid follows the WAI-ARIA
 * grid pattern: one tab stop, arrow keys between days, Home / End, PageUp / PageDown (with Shift:
 * a year), Enter opens the day's event or its list of events.
 *
 * Works inside `<cowork-space>` or alone with its own `api` and `space` attributes; or with events
 * given by the page (`.events`), without requests.
 *
 * @summary The space's events in a month, week or list view, with registration.
 *
 * @attr api - The API base URL, when not inside `<cowork-space>`.
 * @attr space - The space id, when not inside `<cowork-space>`.
 * @attr storage - Where a member's token is kept: `session` (default, this tab) or `memory`.
 * @attr view - The view to show: `month`, `week` or `list`. Default: `month`, or `list` when the element is narrower than 600 px.
 * @attr date - A date in the period to show first, `YYYY-MM-DD` (default: today in the space's time zone).
 * @attr tag - Show only the events with this tag to begin with (the visitor can change it).
 * @attr time-zone - The IANA time zone for events given with `.events` when there is no space (the space's zone otherwise).
 * @attr lang - The language (`fr`, `en`); otherwise the nearest ancestor's, then the page's.
 * @attr theme - `light` or `dark` to force a colour scheme; otherwise the visitor's preference.
 *
 * @event cowork-event-selected - An event was opened (`detail.event`). Cancelable: `preventDefault()` keeps the calendar's dialog closed (to show the event elsewhere).
 * @event cowork-registration-confirmed - The server registered the visitor (`detail.registration`, `status` `registered` or `waitlisted`; `detail.event`).
 * @event cowork-registration-cancelled - The visitor's registration was cancelled (`detail.registration`, `detail.event`).
 * @event cowork-error - Something failed (`detail`: operation, kind, message, problem, error).
 *
 * @csspart base - The calendar's frame.
 * @csspart toolbar - Navigation, the period's title and the view buttons.
 * @csspart title - The period's title ("March 2026").
 * @csspart nav-button - Previous, today and next.
 * @csspart view-button - The month, week and list buttons.
 * @csspart filter - The topic filter.
 * @csspart month - The month grid.
 * @csspart week - The week's time grid.
 * @csspart list - The list of events.
 * @csspart subscribe - The "Subscribe" disclosure.
 * @csspart dialog - The event's dialog; `close-button`, `registration`, `form`, `register-button`, `cancel-button`, `calendar-button` its pieces.
 * @csspart state - Loading, empty, error, offline and unsupported states (with `loading`, `empty`, `error`, `offline`, `unsupported`, `retry-button`).
 *
 * @cssprop --cowork-color-accent - Events, buttons, today.
 * @cssprop --cowork-color-on-accent - Text on the accent colour.
 * @cssprop --cowork-color-surface - The background.
 * @cssprop --cowork-color-surface-raised - Days of other months, panels.
 * @cssprop --cowork-color-text - Text.
 * @cssprop --cowork-color-muted - Secondary text.
 * @cssprop --cowork-color-border - Grid lines and borders.
 * @cssprop --cowork-color-danger - Errors and cancelled events.
 * @cssprop --cowork-color-success - Confirmations.
 * @cssprop --cowork-color-focus - The focus ring.
 * @cssprop --cowork-font-family - The font.
 * @cssprop --cowork-font-size - The base font size.
 * @cssprop --cowork-radius - Corner radius.
 * @cssprop --cowork-space-1 - Spacing, smallest (`--cowork-space-2` … `--cowork-space-4` larger).
 *
 * @slot - Nothing: the calendar renders everything itself.
 */
export class CoworkEventCalendar extends LitElement {
  static override styles = eventCalendarStyles;

  static override properties = {
    api: {},
    space: {},
    storage: {},
    fetch: { attribute: false },
    view: {},
    date: {},
    tag: {},
    timeZone: { attribute: 'time-zone' },
    events: { attribute: false },
  };

  declare api: string | undefined;
  declare space: string | undefined;
  declare storage: string | undefined;
  declare fetch: typeof globalThis.fetch | undefined;
  /** The view to show first (`month`, `week`, `list`). */
  declare view: string | undefined;
  /** A date in the period to show first (`YYYY-MM-DD`). */
  declare date: string | undefined;
  /** A tag to filter by first. */
  declare tag: string | undefined;
  /** The time zone of events given by the page when there is no space. */
  declare timeZone: string | undefined;
  /** Events given by the page (the spec's `Event` objects): shown instead of fetching them. */
  declare events: CalendarEvent[] | undefined;

  // The foundation's space controller, loading the standalone connection (the client's HTTP code)
  // only when the calendar stands alone: inside a <cowork-space>, which has it, it is not loaded.
  #ctx = new SpaceController(this);
  #l10n = new LocaleController(this);
  #live = new LiveRegion(this);
  #online = new OnlineController(this, () => this.#retry());
  /** The dialog, made when something is first opened (see #openDialog). */
  #dialog: EventDialog | undefined;

  /** The view chosen by the `view` attribute or the visitor; undefined: by width. */
  #chosenView: CalendarView | undefined;
  #narrow = false;
  #anchor: DayNumber | undefined;
  #tag = '';
  #loaded: Loaded | undefined;
  /** Events changed since they were loaded (after a registration), by id. */
  #patched: CalendarEvent[] | undefined;
  #resizeObserver: ResizeObserver | undefined;
  #focusAfter: string | undefined;
  #announce = false;
  #scrolledWeek: string | undefined;
  #copied = false;

  // Memoized derivations: the items of the events, the filtered items, the tags.
  #itemsMemo: { source: CalendarEvent[]; tz: string; items: CalendarItem<CalendarEvent>[] } | undefined;
  #filterMemo: { items: CalendarItem<CalendarEvent>[]; tag: string; signedIn: boolean; shown: CalendarItem<CalendarEvent>[]; tags: TagCount[] } | undefined;
  #textsMemo: { locale: string; lang: string; texts: Texts } | undefined;

  // ------------------------------------------------------------------------------------------
  // Derived values

  /** The view shown. */
  get currentView(): CalendarView {
    return this.#chosenView ?? (this.#narrow ? 'list' : 'month');
  }

  /** The date the view is anchored on (`YYYY-MM-DD`). */
  get currentDate(): string {
    return isoFromDay(this.#anchorDay);
  }

  get #tz(): string {
    return this.#ctx.space?.timeZone ?? (isTimeZone(this.timeZone) ? this.timeZone : Intl.DateTimeFormat().resolvedOptions().timeZone);
  }

  get #firstWeekday(): Weekday {
    return firstDayOfWeek(this.#l10n.intl);
  }

  get #today(): DayNumber {
    return today(this.#tz);
  }

  get #anchorDay(): DayNumber {
    return this.#anchor ?? this.#today;
  }

  #period(view = this.currentView): Period {
    return periodOf(view, this.#anchorDay, { firstWeekday: this.#firstWeekday });
  }

  #texts(): Texts {
    const locale = this.#l10n.intl;
    const lang = this.#l10n.lang;
    const memo = this.#textsMemo;
    if (memo && memo.locale === locale && memo.lang === lang) return memo.texts;
    const texts = makeTexts(locale, lang);
    this.#textsMemo = { locale, lang, texts };
    return texts;
  }

  /** The events to show: the page's, or those loaded (with the changes since). */
  #source(): CalendarEvent[] | undefined {
    return this.events ?? this.#patched ?? this.#loaded?.data;
  }

  /** The events are not there yet (the space or the events are loading). */
  get #busy(): boolean {
    return !this.events && !this.#loaded?.data && !this.#loaded?.error;
  }

  #items(): CalendarItem<CalendarEvent>[] {
    const source = this.#source() ?? [];
    const tz = this.#tz;
    const memo = this.#itemsMemo;
    if (memo && memo.source === source && memo.tz === tz) return memo.items;
    const items = toCalendarItems(source, tz);
    this.#itemsMemo = { source, tz, items };
    return items;
  }

  /** The items shown (visibility and tag filter applied), and the tags to filter by. */
  #filtered(): { shown: CalendarItem<CalendarEvent>[]; tags: TagCount[] } {
    const items = this.#items();
    const signedIn = !!this.#ctx.member;
    const tag = this.#tag;
    const memo = this.#filterMemo;
    if (memo && memo.items === items && memo.tag === tag && memo.signedIn === signedIn) return memo;
    const visible = filterItems(items, { signedIn });
    const shown = tag ? filterItems(visible, { tags: [tag] }) : visible;
    const tags = tagCounts(visible);
    this.#filterMemo = { items, tag, signedIn, shown, tags };
    return this.#filterMemo;
  }

  #dayEntries(day: DayNumber): readonly ListEntry<CalendarEvent>[] {
    return layoutList(this.#filtered().shown, day, day + 1, { today: this.#today })[0]?.entries ?? [];
  }

  // ------------------------------------------------------------------------------------------
  // Lifecycle

  override connectedCallback(): void {
    super.connectedCallback();
    this.#ctx.needSpace();
    if (typeof ResizeObserver === 'function') {
      this.#resizeObserver = new ResizeObserver((entries) => {
        const width = entries[entries.length - 1]!.contentRect.width;
        const narrow = width > 0 && width < NARROW;
        // In the next frame: re-rendering inside the observer's callback would resize the element
        // while the browser delivers sizes (a "ResizeObserver loop").
        if (narrow !== this.#narrow) requestAnimationFrame(() => {
          if (narrow === this.#narrow) return;
          this.#narrow = narrow;
          this.requestUpdate();
        });
      });
      this.#resizeObserver.observe(this);
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#resizeObserver?.disconnect();
    this.#resizeObserver = undefined;
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('view')) this.#chosenView = isCalendarView(this.view) ? this.view : undefined;
    if (changed.has('date')) this.#anchor = parseIsoDate(this.date);
    if (changed.has('tag')) this.#tag = this.tag ?? '';
    if (changed.has('events')) this.#patched = undefined;
    if (!this.hasUpdated && !this.#chosenView) {
      // The first render already picks the view its width calls for (the observer confirms it).
      const width = this.getBoundingClientRect().width;
      this.#narrow = width > 0 && width < NARROW;
    }
    this.#load();
  }

  override updated(): void {
    const target = this.#focusAfter;
    if (target) {
      this.#focusAfter = undefined;
      this.renderRoot.querySelector<HTMLElement>(target)?.focus();
    }
    if (this.#announce && !this.#busy) {
      this.#announce = false;
      this.#live.announce(this.#summary());
    }
    this.#scrollWeek();
  }

  /** In the week view, scrolls the hours to the morning (or the week's earliest event) once per week shown. */
  #scrollWeek(): void {
    if (this.currentView !== 'week') {
      this.#scrolledWeek = undefined;
      return;
    }
    const body = this.renderRoot.querySelector<HTMLElement>('.wk-body');
    const key = `${this.#period().start}|${this.#busy}`;
    if (!body || this.#scrolledWeek === key) return;
    this.#scrolledWeek = key;
    const period = this.#period();
    let first = 8 * 60;
    for (const item of itemsBetween(this.#filtered().shown, period.start, period.end)) {
      if (!item.allDay && item.firstDay >= period.start && item.startMinute < first && item.end - item.start < 86_400_000) first = item.startMinute;
    }
    // In the frame's animation callback, where the layout is due anyway: no layout forced mid-update.
    requestAnimationFrame(() => {
      const grid = body.firstElementChild as HTMLElement | null;
      if (grid) body.scrollTop = Math.max(0, ((first - 30) / 1440) * grid.offsetHeight);
    });
  }

  // ------------------------------------------------------------------------------------------
  // Loading

  #load(): void {
    if (this.events) return;
    const { client, spaceId, space } = this.#ctx;
    if (!client || !spaceId || !space || this.#ctx.supports('events') === false) return;
    const member = this.#ctx.member?.id ?? '';
    const window = fetchWindow(this.currentView, this.#anchorDay, { firstWeekday: this.#firstWeekday, timeZone: this.#tz });
    const loaded = this.#loaded;
    // What is loaded (or failed: "Try again" clears it) covers this view: nothing to ask. Another
    // period or another member (members-only events) asks again.
    if (loaded && loaded.spaceId === spaceId && loaded.member === member && windowCovers(loaded.window, window)) return;
    const key = `${spaceId}|${member}|${window.from}|${window.to}`;
    this.#loaded = { key, spaceId, member, window };
    this.#patched = undefined;
    void this.#fetch(key, window);
  }

  async #fetch(key: string, window: FetchWindow): Promise<void> {
    const { client, spaceId } = this.#ctx;
    try {
      const events: CalendarEvent[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const { data } = await listEvents(client!, { path: { spaceId: spaceId! }, query: { from: window.from, to: window.to, limit: 100, ...(cursor ? { cursor } : {}) } });
        if (this.#loaded?.key !== key) return;
        events.push(...data.items);
        cursor = data.nextCursor;
      } while (cursor && ++pages < MAX_PAGES);
      this.#loaded = { ...this.#loaded, data: events };
    } catch (error) {
      if (this.#loaded?.key !== key) return;
      this.#loaded = { ...this.#loaded, error };
      dispatchCowork(this, 'cowork-error', errorDetail(error, 'listEvents'));
    }
    this.requestUpdate();
  }

  #retry(): void {
    if (this.#loaded?.error) this.#loaded = undefined;
    if (this.#ctx.state?.error) this.#ctx.state.reload();
    this.requestUpdate();
  }

  #eventChanged(event: CalendarEvent): void {
    const source = this.#source();
    if (!source) return;
    const next = source.map((e) => (e.id === event.id ? event : e));
    if (this.events) this.events = next;
    else this.#patched = next;
    this.requestUpdate();
  }

  // ------------------------------------------------------------------------------------------
  // Navigation

  /** Shows another view (keeping the date). */
  setView(view: CalendarView): void {
    this.#chosenView = view;
    this.#announce = true;
    this.requestUpdate();
  }

  #go(anchor: DayNumber): void {
    this.#anchor = anchor;
    this.#announce = true;
    this.requestUpdate();
  }

  #step(steps: number): void {
    this.#go(step(this.currentView, this.#anchorDay, steps, { firstWeekday: this.#firstWeekday }));
  }

  /** The period's name: "March 2026", "mars 2026", "March 8 – 14, 2026"; `capital` for a heading or the start of a sentence. */
  #title(period: Period, capital = false): string {
    const locale = this.#l10n.intl;
    let text: string;
    if (period.unit === 'week') {
      let format = rangeFormats.get(locale);
      if (!format) rangeFormats.set(locale, (format = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })));
      text = format.formatRange(utcDateOfDay(period.start), utcDateOfDay(period.end - 1));
    } else {
      text = dayLabels(locale, { month: 'long', year: 'numeric' })(period.start);
    }
    return capital ? text.charAt(0).toLocaleUpperCase(locale) + text.slice(1) : text;
  }

  #count(period: Period): number {
    return itemsBetween(this.#filtered().shown, period.start, period.end).length;
  }

  #summary(): string {
    const period = this.#period();
    const count = this.#count(period);
    const title = this.#title(period, true);
    return count === 0 ? msg(str`${title}: no events.`) : count === 1 ? msg(str`${title}: 1 event.`) : msg(str`${title}: ${count} events.`);
  }

  // ------------------------------------------------------------------------------------------
  // Interaction

  #openDialog(): EventDialog {
    return (this.#dialog ??= new EventDialog(this, {
      ctx: this.#ctx,
      live: this.#live,
      lang: () => this.#l10n.lang,
      texts: () => this.#texts(),
      timeZone: () => this.#tz,
      dayEntries: (day) => this.#dayEntries(day),
      findEvent: (id) => this.#source()?.find((e) => e.id === id),
      eventChanged: (event) => this.#eventChanged(event),
      restoreFocus: (opener, target) => this.#restoreFocus(opener, target),
    }));
  }

  /** Opens a day's list or an event (after `cowork-event-selected`, which a listener may cancel). */
  async #open(target: DialogTarget, opener: HTMLElement | undefined): Promise<void> {
    if ('event' in target && !dispatchCowork(this, 'cowork-event-selected', { event: target.event }, { cancelable: true })) return;
    try {
      const dialog = this.#openDialog();
      this.requestUpdate();
      await this.updateComplete;
      await dialog.open(target, opener, true);
    } catch (error) {
      this.#live.announce(describeError(error).message);
      dispatchCowork(this, 'cowork-error', errorDetail(error, 'openEvent'));
    }
  }

  #openDay(day: DayNumber, opener: HTMLElement | undefined): void {
    const entries = this.#dayEntries(day);
    if (entries.length === 0) {
      this.#live.announce(msg(str`No events on ${this.#texts().day(day)}.`));
      return;
    }
    void this.#open(entries.length === 1 ? { event: entries[0]!.item.event } : { day }, opener);
  }

  #onViewClick = (e: MouseEvent) => {
    const target = e.target as Element;
    const cell = target.closest<HTMLElement>('[role="gridcell"]');
    const more = target.closest<HTMLElement>('[data-more]');
    const entry = target.closest<HTMLElement>('[data-id]');
    if (cell) {
      const day = Number(cell.dataset.day);
      // The clicked day takes the grid's tab stop (unless it belongs to another month).
      const period = this.#period();
      if (day >= period.start && day < period.end && day !== this.#anchorDay) {
        this.#anchor = day;
        this.requestUpdate();
      }
    }
    // In the month grid the focus comes back to the day; elsewhere to the button itself.
    const opener = cell ?? (more || entry) ?? undefined;
    if (more) void this.#open({ day: Number(more.dataset.more) }, opener);
    else if (entry) {
      const event = this.#source()?.find((x) => x.id === entry.dataset.id);
      if (event) void this.#open({ event }, opener);
    } else if (cell) cell.focus();
  };

  #onGridKey = (e: KeyboardEvent) => {
    const cell = (e.target as Element).closest<HTMLElement>('[role="gridcell"]');
    if (!cell || e.altKey || e.ctrlKey || e.metaKey) return;
    const day = Number(cell.dataset.day);
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      this.#openDay(day, cell);
      return;
    }
    const rtl = getComputedStyle(this).direction === 'rtl';
    const target = gridKeyTarget(e.key, day, { firstWeekday: this.#firstWeekday, shift: e.shiftKey, rtl });
    if (target === undefined) return;
    e.preventDefault();
    const period = this.#period();
    const monthChanged = target < period.start || target >= period.end;
    this.#anchor = target;
    this.#focusAfter = `[data-day="${target}"]`;
    if (monthChanged) this.#announce = true;
    this.requestUpdate();
  };

  #restoreFocus(opener: HTMLElement | undefined, target: DialogTarget): void {
    if (opener?.isConnected) {
      opener.focus();
      return;
    }
    const root = this.renderRoot;
    const again =
      (this.currentView === 'month' && root.querySelector<HTMLElement>(`[role="gridcell"][tabindex="0"]`)) ||
      ('event' in target && root.querySelector<HTMLElement>(`.view [data-id="${CSS.escape(target.event.id)}"]`)) ||
      root.querySelector<HTMLElement>('#period');
    again?.focus();
  }

  async #copyFeed(url: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(url);
      this.#copied = true;
      this.#live.announce(msg('Address copied.'));
    } catch {
      const input = this.renderRoot.querySelector<HTMLInputElement>('#feed-url');
      input?.focus();
      input?.select();
      this.#live.announce(msg('Select the address and copy it.'));
    }
    this.requestUpdate();
  }

  // ------------------------------------------------------------------------------------------
  // Rendering

  override render(): TemplateResult {
    const ctx = this.#ctx;
    const given = !!this.events;
    let body: TemplateResult | undefined;
    if (!given) {
      if (!ctx.configured) body = renderNotConfigured('cowork-event-calendar');
      else if (ctx.state?.error && !ctx.space) body = renderError(ctx.state.error, { onRetry: () => ctx.state!.reload() });
      else if (ctx.supports('events') === false) body = renderUnsupported(msg('events'));
      // While the space loads, the calendar is drawn already (busy, in the visitor's time zone until
      // the space's is known), so nothing moves when the events arrive.
    }
    const spaceName = ctx.space ? translated(ctx.space, 'name', this.#l10n.lang) : '';
    return html`<section class="calendar stack" part="base" aria-label=${spaceName ? msg(str`Events at ${spaceName}`) : msg('Events')}>
      ${body ?? this.#renderCalendar()} ${this.#online.online ? nothing : html`<p class="notice warn" role="status">${msg('You are offline. The events shown may be out of date.')}</p>`}
      ${this.#live.render()} ${this.#dialog?.render() ?? nothing}
    </section>`;
  }

  #renderCalendar(): TemplateResult {
    const view = this.currentView;
    const period = this.#period();
    const title = this.#title(period);
    const { tags } = this.#filtered();
    const unit = period.unit;
    const loaded = this.#loaded;
    const error = !this.events && loaded?.error;
    return html`<header class="toolbar" part="toolbar">
        <div class="nav">
          <button type="button" class="button icon" part="nav-button" aria-label=${unit === 'week' ? msg('Previous week') : msg('Previous month')} @click=${() => this.#step(-1)}>
            <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true"><path d="M10 3L5 8l5 5" stroke="currentColor" stroke-width="2" fill="none" /></svg>
          </button>
          <button type="button" class="button" part="nav-button" @click=${() => this.#go(this.#today)}>${msg('Today')}</button>
          <button type="button" class="button icon" part="nav-button" aria-label=${unit === 'week' ? msg('Next week') : msg('Next month')} @click=${() => this.#step(1)}>
            <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true"><path d="M6 3l5 5-5 5" stroke="currentColor" stroke-width="2" fill="none" /></svg>
          </button>
        </div>
        <h2 class="period" id="period" part="title" tabindex="-1">${this.#title(period, true)}</h2>
        <div class="views" role="group" aria-label=${msg('View')}>
          ${CALENDAR_VIEWS.map(
            (v) => html`<button type="button" class=${v === view ? 'button primary' : 'button'} part="view-button" aria-pressed=${v === view ? 'true' : 'false'} @click=${() => this.setView(v)}>${viewLabel(v)}</button>`,
          )}
        </div>
      </header>
      <div class="filters row">
        <label for="tag-filter">${msg('Topic')}</label>
        <select
          id="tag-filter"
          part="filter"
          @change=${(e: Event) => {
            this.#tag = (e.target as HTMLSelectElement).value;
            this.requestUpdate();
            void this.updateComplete.then(() => this.#live.announce(this.#summary()));
          }}
        >
          <option value="" ?selected=${!this.#tag}>${msg('All topics')}</option>
          ${tags.map((t) => html`<option value=${t.tag} ?selected=${t.tag === this.#tag}>${tagLabel(t.tag)} (${t.count})</option>`)}
          ${this.#tag && !tags.some((t) => t.tag === this.#tag) ? html`<option value=${this.#tag} selected>${tagLabel(this.#tag)} (0)</option>` : nothing}
        </select>
        ${error ? nothing : this.#renderStatus(period, title)}
      </div>
      ${error
        ? renderError(error, { onRetry: () => this.#retry(), feature: msg('events'), heading: msg('The events could not be loaded') })
        : html`<div
              class=${`view view-${view}`}
              @click=${this.#onViewClick}
              @keydown=${view === 'month' ? this.#onGridKey : undefined}
            >${this.#renderView(view, period)}</div>`}
      ${this.#renderSubscribe()}`;
  }

  /** Above the month and week views: "Loading…" or "No events this month", without moving the grid. */
  #renderStatus(period: Period, title: string): TemplateResult | typeof nothing {
    if (this.currentView === 'list') return nothing;
    let text = '';
    if (this.#busy) text = msg('Loading the events…');
    else if (this.#count(period) === 0) text = this.#tag ? msg(str`No events on this topic in ${title}.`) : msg(str`No events in ${title}.`);
    return html`<p class="status-line muted">${text}</p>`;
  }

  #renderView(view: CalendarView, period: Period): TemplateResult {
    const texts = this.#texts();
    const { shown } = this.#filtered();
    const busy = this.#busy;
    const firstWeekday = this.#firstWeekday;
    const todayDay = this.#today;
    if (view === 'month') {
      const { year, month } = partsFromDay(period.start);
      const layout = layoutMonth(monthGrid(year, month, firstWeekday, todayDay), busy ? [] : shown, { maxLanes: MONTH_LANES });
      const short = dayLabels(this.#l10n.intl, { weekday: 'short' });
      const long = dayLabels(this.#l10n.intl, { weekday: 'long' });
      const weekdays = layout.weeks[0]!.days.map((d) => [short(d.day), long(d.day)] as const);
      return renderMonth({ layout, texts, focusDay: this.#anchorDay, weekdays, labelledBy: 'period', busy });
    }
    if (view === 'week') {
      const layout = layoutWeek(this.#anchorDay, busy ? [] : shown, { timeZone: this.#tz, firstWeekday, maxAllDayLanes: WEEK_ALL_DAY_LANES, today: todayDay });
      const short = dayLabels(this.#l10n.intl, { weekday: 'short' });
      const narrow = dayLabels(this.#l10n.intl, { weekday: 'narrow' });
      const headers = layout.days.map((d) => [short(d.day), texts.day(d.day), narrow(d.day)] as const);
      const hour = timeLabels(this.#l10n.intl, { hour: 'numeric' });
      return renderWeek({ layout, texts, headers, hour, nowMinute: (toWallMs(Date.now(), this.#tz) % DAY) / MINUTE, busy });
    }
    if (busy) return renderLoading({ label: msg('Loading the events…'), lines: 6, minHeight: '20em' });
    const days = layoutList(shown, period.start, period.end, { today: todayDay });
    if (!days.length) {
      const title = this.#title(period);
      return renderEmpty({
        heading: this.#tag ? msg(str`No events on this topic in ${title}.`) : msg(str`No events in ${title}.`),
        action: this.#tag
          ? html`<p><button type="button" class="button" @click=${() => ((this.#tag = ''), this.requestUpdate())}>${msg('Show all topics')}</button></p>`
          : html`<p><button type="button" class="button" @click=${() => this.#step(1)}>${msg('Next month')}</button></p>`,
      });
    }
    return renderList({ days, texts, lang: this.#l10n.lang, busy });
  }

  #renderSubscribe(): TemplateResult | typeof nothing {
    const ctx = this.#ctx;
    const state = ctx.state;
    if (!state || !ctx.spaceId || ctx.supports('ical') === false) return nothing;
    const url = `${state.api.replace(/\/+$/, '')}/spaces/${encodeURIComponent(ctx.spaceId)}/events.ics`;
    const name = ctx.space ? translated(ctx.space, 'name', this.#l10n.lang) : ctx.spaceId;
    return html`<details class="subscribe" part="subscribe">
      <summary>${msg('Subscribe')}</summary>
      <div class="stack">
        <p>${msg(str`Add the public events of ${name} to your calendar app: paste this address in its "subscribe" or "add by URL" setting, and it stays up to date.`)}</p>
        <div class="field">
          <label for="feed-url">${msg('Calendar address (iCalendar)')}</label>
          <div class="copy-row">
            <input id="feed-url" type="url" readonly .value=${url} @focus=${(e: Event) => (e.target as HTMLInputElement).select()} />
            <button type="button" class="button" @click=${() => void this.#copyFeed(url)}>${this.#copied ? msg('Copied') : msg('Copy')}</button>
          </div>
        </div>
        <p><a href=${url}>${msg('Open the calendar feed')}</a></p>
      </div>
    </details>`;
  }
}
