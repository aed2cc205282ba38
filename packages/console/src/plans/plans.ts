import { createPlan, deletePlan, getPlan, listPlans, paginate, updatePlan, type components } from '@coworking-commons/client';
import { describeError, formatMoney, translated, type Connection } from '@coworking-commons/elements';
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { bodyFieldErrors } from '../forms/field-errors.ts';
import { saveUnlessChanged } from '../forms/precondition.ts';
import { pick } from '../i18n/messages.ts';
import { cardListStyles, consoleTheme, formStyles, sectionStyles } from '../shell/console.styles.ts';
import { confirmGroup, loadError } from '../shell/templates.ts';
import * as catalogues from './messages.ts';
import { draftOf, periods, planBody, type PlanDraft, type PlanPeriod } from './plan-form.ts';
import { grantsSummary, resourceTypes, weekdays, type GrantsDraft, type Weekday } from './plan-grants.ts';
import { plansStyles } from './plans.styles.ts';

type Plan = components['schemas']['Plan'];

/** What the form is doing: creating a plan, editing one, or nothing. */
type Editing = { kind: 'new' } | { kind: 'edit'; plan: Plan } | undefined;

/** The id of the control of a body path's field. */
function fieldId(path: string): string {
  const [head, second, third] = path.split('/');
  if (path === 'price/amount') return 'plan-price';
  if (head === 'translations') return `plan-${second}-${third}`;
  if (head === 'grants') {
    if (second === 'includedDays') return 'plan-included-days';
    if (second === 'resourceTypes') return `plan-type-${resourceTypes[0]}`;
    if (second === 'accessHours' && third !== undefined) return `plan-hours-${third}-opens`;
    return 'plan-credits';
  }
  return `plan-${head}`;
}

const languageNames = (lang: string, of: string) => new Intl.DisplayNames([lang], { type: 'language' }).of(of) ?? of;

/**
 * The space's membership plans: each with its price and period, what it includes and whether it
 * is highlighted; create, edit (in each of the space's languages) and delete one. The form checks
 * what the spec asks before sending, shows the server's refusals on their fields, and keeps what
 * was typed when a request fails.
 *
 * @summary The staff view of the space's plans.
 */
export class CoworkConsolePlans extends LitElement {
  static override styles = [consoleTheme, formStyles, sectionStyles, cardListStyles, plansStyles];
  static override properties = {
    connection: { attribute: false },
    locale: { type: String },
    _plans: { state: true },
    _loading: { state: true },
    _error: { state: true },
    _editing: { state: true },
    _draft: { state: true },
    _errors: { state: true },
    _formError: { state: true },
    _stale: { state: true },
    _busy: { state: true },
    _removing: { state: true },
    _announcement: { state: true },
  };

  declare connection: Connection | undefined;
  declare locale: string;
  declare _plans: Plan[];
  declare _loading: boolean;
  declare _error: string | undefined;
  declare _editing: Editing;
  declare _draft: PlanDraft | undefined;
  declare _errors: Record<string, string>;
  declare _formError: string | undefined;
  /** Whether the form shows the plan as someone else saved it meanwhile (the person's changes were not saved). */
  declare _stale: boolean;
  declare _busy: boolean;
  declare _removing: string | undefined;
  declare _announcement: string;

  constructor() {
    super();
    this.locale = 'en';
    this._plans = [];
    this._loading = false;
    this._errors = {};
    this._stale = false;
    this._busy = false;
    this._announcement = '';
  }

  get messages(): catalogues.PlansMessages {
    return pick(catalogues, this.locale);
  }

  get #space() {
    return this.connection?.state.space;
  }

  /** The space's languages but its first, in which the untranslated fields are written. */
  get #otherLanguages(): string[] {
    return (this.#space?.languages ?? []).slice(1);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('connection') && this.connection) void this.#load();
  }

  async #load(): Promise<void> {
    const connection = this.connection!;
    this._loading = true;
    this._error = undefined;
    try {
      const plans: Plan[] = [];
      for await (const plan of paginate(listPlans, connection.client, { path: { spaceId: connection.spaceId }, query: { limit: 100 } })) plans.push(plan);
      this._plans = plans;
    } catch (error) {
      this._error = describeError(error).message;
    } finally {
      this._loading = false;
    }
  }

  #open(editing: Editing): void {
    this._editing = editing;
    this._draft = draftOf(editing?.kind === 'edit' ? editing.plan : undefined, this.#otherLanguages);
    this._errors = {};
    this._formError = undefined;
    this._stale = false;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('#plan-name')?.focus());
  }

  #close(): void {
    const edited = this._editing?.kind === 'edit' ? this._editing.plan.id : undefined;
    this._editing = undefined;
    this._draft = undefined;
    void this.updateComplete.then(() => (this.renderRoot.querySelector<HTMLElement>(edited ? `[data-plan="${edited}"] .edit` : '.add') ?? undefined)?.focus());
  }

  #set(patch: Partial<PlanDraft>): void {
    this._draft = { ...this._draft!, ...patch };
  }

  async #submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const m = this.messages;
    const connection = this.connection!;
    const result = planBody(this._draft!, this.#space!.currency, m);
    if ('errors' in result) {
      this.#showErrors(result.errors);
      return;
    }
    this._busy = true;
    this._formError = undefined;
    this._stale = false;
    const editing = this._editing!;
    try {
      let data: Plan;
      if (editing.kind === 'edit') {
        const path = { spaceId: connection.spaceId, planId: editing.plan.id };
        const outcome = await saveUnlessChanged(
          editing.plan,
          async () => (await getPlan(connection.client, { path })).data,
          async (header) => (await updatePlan(connection.client, { path, header, body: result.update })).data,
        );
        if ('current' in outcome) return this.#showCurrent(outcome.current);
        data = outcome.saved;
      } else {
        data = (await createPlan(connection.client, { path: { spaceId: connection.spaceId }, body: result.body })).data;
      }
      // The list holds the server's answer, with its new version, for the next change.
      this._plans = editing.kind === 'edit' ? this._plans.map((plan) => (plan.id === data.id ? data : plan)) : [...this._plans, data];
      this._announcement = m.saved(data.name);
      this.#close();
    } catch (error) {
      // The form keeps what was typed: only the errors change.
      const fields = bodyFieldErrors(error);
      if (Object.keys(fields).length > 0) this.#showErrors(fields);
      else this._formError = describeError(error).message;
    } finally {
      this._busy = false;
    }
  }

  /** The form on `current`, the plan as someone else saved it meanwhile, with the notice saying so (what was typed is replaced, as the notice says). */
  #showCurrent(current: Plan): void {
    this._plans = this._plans.map((plan) => (plan.id === current.id ? current : plan));
    this._editing = { kind: 'edit', plan: current };
    this._draft = draftOf(current, this.#otherLanguages);
    this._errors = {};
    this._stale = true;
  }


  #showErrors(errors: Record<string, string>): void {
    this._errors = errors;
    this._formError = this.messages.fixFields;
    const first = Object.keys(errors)[0];
    const id = first === undefined ? undefined : fieldId(first);
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#${CSS.escape(id ?? '')}`)?.focus());
  }

  async #remove(plan: Plan): Promise<void> {
    const connection = this.connection!;
    this._busy = true;
    try {
      await deletePlan(connection.client, { path: { spaceId: connection.spaceId, planId: plan.id } });
      this._plans = this._plans.filter((p) => p.id !== plan.id);
      this._announcement = this.messages.removed(plan.name);
      this._removing = undefined;
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.add')?.focus());
    } catch (error) {
      this._error = describeError(error).message;
    } finally {
      this._busy = false;
    }
  }

  protected override render() {
    const m = this.messages;
    return html`
      <section aria-labelledby="plans-heading">
        <div class="toolbar">
          <h2 id="plans-heading">${m.heading}</h2>
          ${this._editing ? nothing : html`<button class="button primary add" type="button" @click=${() => this.#open({ kind: 'new' })}>${m.add}</button>`}
        </div>
        <p class="muted">${m.intro}</p>
        <p class="visually-hidden" role="status" aria-live="polite">${this._announcement}</p>
        ${loadError(this._error, m.retry, () => this.#load())}
        ${this._editing?.kind === 'new' ? this.#renderForm() : nothing}
        ${this._loading && this._plans.length === 0
          ? html`<p class="muted">${m.loading}</p>`
          : this._plans.length === 0 && !this._error
            ? html`<p>${m.none}</p>`
            : html`<ul class="cards">
                ${this._plans.map((plan) => (this._editing?.kind === 'edit' && this._editing.plan.id === plan.id ? html`<li class="wide">${this.#renderForm()}</li>` : this.#renderPlan(plan)))}
              </ul>`}
      </section>
    `;
  }

  #renderPlan(plan: Plan) {
    const m = this.messages;
    const removing = this._removing === plan.id;
    return html`
      <li class="card" data-plan=${plan.id}>
        <div class="plan-head">
          <h3>${translated(plan, 'name', this.locale)}</h3>
          ${plan.featured ? html`<span class="badge">${m.featured}</span>` : nothing}
        </div>
        <p class="price"><strong>${formatMoney(plan.price, this.locale)}</strong> ${m.perPeriod[plan.period] ?? plan.period}</p>
        ${plan.grants ? html`<p class="grants">${grantsSummary(plan, m, this.locale)}</p>` : nothing}
        ${plan.description ? html`<p class="muted">${translated(plan, 'description', this.locale)}</p>` : nothing}
        ${plan.includes.length > 0 ? html`<ul class="includes">${plan.includes.map((line) => html`<li>${line}</li>`)}</ul>` : nothing}
        ${removing
          ? confirmGroup({ label: m.remove, question: m.removeConfirm(plan.name), yes: m.removeYes, keep: m.keep, busy: this._busy, onYes: () => this.#remove(plan), onKeep: () => (this._removing = undefined) })
          : this._editing
            ? nothing
            : html`<div class="actions">
                <button class="button edit" type="button" @click=${() => this.#open({ kind: 'edit', plan })}>${m.edit}</button>
                <button class="button danger" type="button" @click=${() => (this._removing = plan.id)}>${m.remove}</button>
              </div>`}
      </li>
    `;
  }

  #setGrants(patch: Partial<GrantsDraft>): void {
    this.#set({ grants: { ...this._draft!.grants, ...patch } });
  }

  #renderGrants(
    grants: GrantsDraft,
    field: (id: string, key: string, label: string, control: unknown) => unknown,
    invalid: (key: string) => string,
    describedBy: (id: string, key: string) => string | typeof nothing,
  ) {
    const m = this.messages;
    const errors = this._errors;
    const setRange = (index: number, patch: Partial<GrantsDraft['accessHours'][number]>) =>
      this.#setGrants({ accessHours: grants.accessHours.map((range, i) => (i === index ? { ...range, ...patch } : range)) });
    const text = (e: Event) => (e.target as HTMLInputElement).value;
    return html`
      <fieldset class="grants-form">
        <legend>${m.grants}</legend>
        <p class="muted">${m.grantsIntro}</p>
        <div class="row">
          ${field(
            'plan-credits',
            'grants/credits',
            m.credits,
            html`<input id="plan-credits" inputmode="numeric" .value=${grants.credits} aria-invalid=${invalid('grants/credits')} aria-describedby=${describedBy('plan-credits', 'grants/credits')} @input=${(e: Event) => this.#setGrants({ credits: text(e) })} />`,
          )}
          ${field(
            'plan-included-days',
            'grants/includedDays',
            m.includedDays,
            html`<input id="plan-included-days" inputmode="numeric" .value=${grants.includedDays} aria-invalid=${invalid('grants/includedDays')} aria-describedby=${describedBy('plan-included-days', 'grants/includedDays')} @input=${(e: Event) => this.#setGrants({ includedDays: text(e) })} />`,
          )}
        </div>
        <fieldset>
          <legend>${m.resourceTypesLegend}</legend>
          <div class="types">
            ${resourceTypes.map(
              (type) => html`<div class="check">
                <input
                  id="plan-type-${type}"
                  type="checkbox"
                  .checked=${grants.resourceTypes.includes(type)}
                  @change=${(e: Event) => this.#setGrants({ resourceTypes: (e.target as HTMLInputElement).checked ? [...grants.resourceTypes, type] : grants.resourceTypes.filter((t) => t !== type) })}
                />
                <label for="plan-type-${type}">${m.resourceTypes[type]}</label>
              </div>`,
            )}
          </div>
          ${errors['grants/resourceTypes'] ? html`<p class="field-error">${errors['grants/resourceTypes']}</p>` : nothing}
        </fieldset>
        <fieldset>
          <legend>${m.accessHours}</legend>
          <ul>
            ${grants.accessHours.map((range, index) => {
              const key = `grants/accessHours/${index}`;
              const id = `plan-hours-${index}`;
              return html`<li class="row hours" data-hours=${index}>
                <div class="field">
                  <label for="${id}-day">${m.day}</label>
                  <select id="${id}-day" @change=${(e: Event) => setRange(index, { day: (e.target as HTMLSelectElement).value as Weekday })}>
                    ${weekdays.map((day) => html`<option value=${day} ?selected=${range.day === day}>${m.days[day]}</option>`)}
                  </select>
                </div>
                <div class="field">
                  <label for="${id}-opens">${m.opens}</label>
                  <input id="${id}-opens" type="time" .value=${range.opens} aria-invalid=${invalid(key)} aria-describedby=${describedBy(id, key)} @input=${(e: Event) => setRange(index, { opens: text(e) })} />
                </div>
                <div class="field">
                  <label for="${id}-closes">${m.closes}</label>
                  <input id="${id}-closes" type="time" .value=${range.closes} aria-invalid=${invalid(key)} aria-describedby=${describedBy(id, key)} @input=${(e: Event) => setRange(index, { closes: text(e) })} />
                </div>
                <button class="button" type="button" aria-label=${m.removeHours(m.days[range.day] ?? range.day, range.opens, range.closes)} @click=${() => this.#setGrants({ accessHours: grants.accessHours.filter((_, i) => i !== index) })}>
                  ${m.removeRange}
                </button>
                ${errors[key] ? html`<p class="field-error" id="${id}-error">${errors[key]}</p>` : nothing}
              </li>`;
            })}
          </ul>
          <div class="actions">
            <button class="button add-hours" type="button" @click=${() => this.#addHours(grants)}>${m.addHours}</button>
          </div>
        </fieldset>
      </fieldset>
    `;
  }

  #addHours(grants: GrantsDraft): void {
    const used = new Set(grants.accessHours.map((range) => range.day));
    const day = weekdays.find((d) => !used.has(d)) ?? 'monday';
    this.#setGrants({ accessHours: [...grants.accessHours, { day, opens: '09:00', closes: '18:00' }] });
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#plan-hours-${grants.accessHours.length}-day`)?.focus());
  }

  #renderForm() {
    const m = this.messages;
    const draft = this._draft!;
    const errors = this._errors;
    const editing = this._editing!;
    const field = (id: string, key: string, label: string, control: unknown) => html`
      <div class="field">
        <label for=${id}>${label}</label>
        ${control} ${errors[key] ? html`<p class="field-error" id="${id}-error">${errors[key]}</p>` : nothing}
      </div>
    `;
    const invalid = (key: string) => (errors[key] ? 'true' : 'false');
    const describedBy = (id: string, key: string) => (errors[key] ? `${id}-error` : nothing);
    return html`
      <form class="card-form" novalidate aria-labelledby="plan-form-heading" @submit=${this.#submit}>
        <h3 id="plan-form-heading">${editing.kind === 'edit' ? m.editHeading(editing.plan.name) : m.newHeading}</h3>
        ${this._stale ? html`<p class="notice" role="alert">${m.stale}</p>` : nothing}
        ${this._formError ? html`<p class="field-error" role="alert">${this._formError}</p>` : nothing}
        ${field(
          'plan-name',
          'name',
          m.name,
          html`<input id="plan-name" maxlength="120" required .value=${draft.name} aria-invalid=${invalid('name')} aria-describedby=${describedBy('plan-name', 'name')} @input=${(e: InputEvent) => this.#set({ name: (e.target as HTMLInputElement).value })} />`,
        )}
        ${field(
          'plan-description',
          'description',
          m.description,
          html`<textarea id="plan-description" rows="3" maxlength="5000" .value=${draft.description} aria-invalid=${invalid('description')} aria-describedby=${describedBy('plan-description', 'description')} @input=${(e: InputEvent) => this.#set({ description: (e.target as HTMLTextAreaElement).value })}></textarea>`,
        )}
        <div class="row">
          ${field(
            'plan-price',
            'price/amount',
            m.price(this.#space?.currency ?? ''),
            html`<input id="plan-price" inputmode="decimal" required .value=${draft.price} aria-invalid=${invalid('price/amount')} aria-describedby=${describedBy('plan-price', 'price/amount')} @input=${(e: InputEvent) => this.#set({ price: (e.target as HTMLInputElement).value })} />`,
          )}
          ${field(
            'plan-period',
            'period',
            m.period,
            html`<select id="plan-period" .value=${draft.period} @change=${(e: Event) => this.#set({ period: (e.target as HTMLSelectElement).value as PlanPeriod })}>
              ${periods.map((period) => html`<option value=${period} ?selected=${draft.period === period}>${m.periods[period]}</option>`)}
            </select>`,
          )}
        </div>
        ${field(
          'plan-includes',
          'includes',
          m.includes,
          html`<textarea id="plan-includes" rows="4" .value=${draft.includes} aria-invalid=${invalid('includes')} aria-describedby=${describedBy('plan-includes', 'includes')} @input=${(e: InputEvent) => this.#set({ includes: (e.target as HTMLTextAreaElement).value })}></textarea>`,
        )}
        <div class="check">
          <input id="plan-featured" type="checkbox" .checked=${draft.featured} @change=${(e: Event) => this.#set({ featured: (e.target as HTMLInputElement).checked })} />
          <label for="plan-featured">${m.highlight}</label>
        </div>
        ${this.#renderGrants(draft.grants, field, invalid, describedBy)}
        ${Object.entries(draft.translations).map(
          ([lang, texts]) => html`
            <fieldset>
              <legend>${m.translationsFor(languageNames(this.locale, lang))}</legend>
              ${field(
                `plan-${lang}-name`,
                `translations/${lang}/name`,
                m.name,
                html`<input id="plan-${lang}-name" lang=${lang} maxlength="120" .value=${texts.name} aria-invalid=${invalid(`translations/${lang}/name`)} @input=${(e: InputEvent) => this.#set({ translations: { ...draft.translations, [lang]: { ...texts, name: (e.target as HTMLInputElement).value } } })} />`,
              )}
              ${field(
                `plan-${lang}-description`,
                `translations/${lang}/description`,
                m.description,
                html`<textarea id="plan-${lang}-description" lang=${lang} rows="2" maxlength="5000" .value=${texts.description} @input=${(e: InputEvent) => this.#set({ translations: { ...draft.translations, [lang]: { ...texts, description: (e.target as HTMLTextAreaElement).value } } })}></textarea>`,
              )}
            </fieldset>
          `,
        )}
        <div class="actions">
          <button class="button primary" type="submit" ?disabled=${this._busy}>${editing.kind === 'edit' ? m.save : m.create}</button>
          <button class="button" type="button" ?disabled=${this._busy} @click=${() => this.#close()}>${m.cancel}</button>
        </div>
      </form>
    `;
  }
}
