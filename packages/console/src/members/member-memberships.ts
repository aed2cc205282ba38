import { createMembership, getMembership, listMemberships, listPlans, paginate, updateMembership, type components } from '@coworking-commons/client';
import { describeError, formatDate, formatMoney, localDate, translated, type Connection } from '@coworking-commons/elements';
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { arrayOf } from '../data/array-of.ts';
import { bodyFieldErrors } from '../forms/field-errors.ts';
import { saveUnlessChanged } from '../forms/precondition.ts';
import { pick } from '../i18n/messages.ts';
import { consoleTheme, formStyles } from '../shell/console.styles.ts';
import * as catalogues from './messages.ts';

type Member = components['schemas']['Member'];
type Membership = components['schemas']['Membership'];
type MembershipUpdate = components['schemas']['MembershipUpdate'];
type Plan = components['schemas']['Plan'];

/** What a membership's buttons do, by its status (the spec's moves). */
const moves: Record<Membership['status'], MembershipUpdate['status'][]> = {
  requested: ['active', 'refused'],
  active: ['paused', 'ended'],
  paused: ['active', 'ended'],
  ended: [],
  refused: [],
};

/**
 * A member's memberships of the space's plans, for staff: each with its plan, status, frozen
 * price, current period and a change of plan waiting for the next period; staff approve or refuse
 * a request, pause, resume or end one, change its plan (at the next period or now), and start a
 * new one. Every change sends the membership's version: one changed meanwhile is shown as it is.
 *
 * @summary A member's memberships, managed by staff.
 */
export class CoworkConsoleMemberMemberships extends LitElement {
  static override styles = [
    consoleTheme,
    formStyles,
    css`
      :host {
        display: block;
        margin: 1.25em 0;
      }
      section,
      form {
        display: grid;
        gap: 0.6em;
      }
      h3 {
        font-size: 1.05em;
      }
      ul {
        display: grid;
        gap: 0.75em;
        margin: 0;
        padding: 0;
        list-style: none;
      }
      li {
        display: grid;
        gap: 0.4em;
        padding: 0.75em;
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        background: var(--_raised);
      }
      .status {
        font-weight: 600;
      }
      .ended,
      .refused {
        opacity: 0.75;
      }
    `,
  ];
  static override properties = {
    connection: { attribute: false },
    member: { attribute: false },
    locale: { type: String },
    _memberships: { state: true },
    _plans: { state: true },
    _error: { state: true },
    _rowErrors: { state: true },
    _changing: { state: true },
    _starting: { state: true },
    _startErrors: { state: true },
    _busy: { state: true },
    _announcement: { state: true },
  };

  declare connection: Connection | undefined;
  declare member: Member | undefined;
  declare locale: string;
  declare _memberships: Membership[] | undefined;
  declare _plans: Plan[];
  declare _error: string | undefined;
  declare _rowErrors: Record<string, string>;
  declare _changing: string | undefined;
  declare _starting: boolean;
  declare _startErrors: Record<string, string>;
  declare _busy: boolean;
  declare _announcement: string;

  constructor() {
    super();
    this.locale = 'en';
    this._plans = [];
    this._rowErrors = {};
    this._starting = false;
    this._startErrors = {};
    this._busy = false;
    this._announcement = '';
  }

  get messages(): catalogues.MembersMessages {
    return pick(catalogues, this.locale);
  }

  get #timeZone(): string {
    return this.connection?.state.space?.timeZone ?? 'UTC';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('connection') || (changed.has('member') && changed.get('member')?.id !== this.member?.id)) && this.connection && this.member) void this.#load();
  }

  async #load(): Promise<void> {
    const connection = this.connection!;
    const memberId = this.member!.id;
    const path = { spaceId: connection.spaceId };
    this._error = undefined;
    try {
      const [memberships, plans] = await Promise.all([
        listMemberships(connection.client, { path, query: { memberId, limit: 100 } }),
        this._plans.length > 0 ? undefined : arrayOf(paginate(listPlans, connection.client, { path, query: { limit: 100 } })),
      ]);
      if (this.member?.id !== memberId) return;
      if (plans) this._plans = plans;
      this._memberships = memberships.data.items;
    } catch (error) {
      this._error = describeError(error).message;
    }
  }

  #planName(id: string): string {
    const plan = this._plans.find((p) => p.id === id);
    return plan ? translated(plan, 'name', this.locale) : id;
  }

  #replace(membership: Membership): void {
    this._memberships = this._memberships?.map((m) => (m.id === membership.id ? membership : m));
  }

  /** Sends a change of one membership with its version; a membership changed meanwhile is shown as it now is, with a message. */
  async #change(membership: Membership, body: MembershipUpdate, said: string): Promise<void> {
    const connection = this.connection!;
    const path = { spaceId: connection.spaceId, membershipId: membership.id };
    const m = this.messages;
    this._busy = true;
    this._rowErrors = { ...this._rowErrors, [membership.id]: '' };
    try {
      const outcome = await saveUnlessChanged(
        membership,
        async () => (await getMembership(connection.client, { path })).data,
        async (header) => (await updateMembership(connection.client, { path, header, body })).data,
      );
      if ('current' in outcome) {
        this.#replace(outcome.current);
        this._rowErrors = { ...this._rowErrors, [membership.id]: m.membershipChangedMeanwhile };
        return;
      }
      this.#replace(outcome.saved);
      this._changing = undefined;
      this._announcement = said;
    } catch (error) {
      this._rowErrors = { ...this._rowErrors, [membership.id]: describeError(error).message };
    } finally {
      this._busy = false;
    }
  }

  async #start(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const m = this.messages;
    const form = event.currentTarget as HTMLFormElement;
    const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement).value;
    const planId = value('plan');
    const startDate = value('start');
    const endDate = value('end');
    const errors: Record<string, string> = {};
    if (!planId) errors.planId = m.choosePlan;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(startDate)) errors.startDate = m.giveDate;
    if (endDate && endDate < startDate) errors.endDate = m.endBeforeStart;
    this._startErrors = errors;
    if (Object.keys(errors).length > 0) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    const connection = this.connection!;
    this._busy = true;
    try {
      const { data } = await createMembership(connection.client, {
        path: { spaceId: connection.spaceId },
        body: { holder: { type: 'member', id: this.member!.id }, planId, startDate, ...(endDate ? { endDate } : {}) },
      });
      this._memberships = [data, ...(this._memberships ?? [])];
      this._starting = false;
      this._announcement = m.membershipStarted(this.#planName(planId));
    } catch (error) {
      const fields = bodyFieldErrors(error);
      this._startErrors = Object.keys(fields).length > 0 ? fields : { form: describeError(error).message };
    } finally {
      this._busy = false;
    }
  }

  protected override render() {
    const m = this.messages;
    if (this._error) return html`<p class="form-error" role="alert">${m.membershipsFailed(this._error)}</p>`;
    if (!this._memberships) return html`<p class="muted">${m.loading}</p>`;
    return html`
      <section aria-labelledby="memberships-heading">
        <h3 id="memberships-heading">${m.memberships}</h3>
        <p class="visually-hidden" role="status" aria-live="polite">${this._announcement}</p>
        ${this._memberships.length === 0 ? html`<p class="muted">${m.noMembership}</p>` : html`<ul>${this._memberships.map((membership) => this.#renderMembership(membership))}</ul>`}
        ${this._starting
          ? this.#renderStart()
          : html`<div class="actions"><button class="button start" type="button" ?disabled=${this._plans.length === 0} @click=${() => this.#open()}>${m.startMembership}</button></div>`}
      </section>
    `;
  }

  async #open(): Promise<void> {
    this._starting = true;
    this._startErrors = {};
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#membership-plan')?.focus();
  }

  #renderMembership(membership: Membership) {
    const m = this.messages;
    const o = { locale: this.locale, timeZone: 'UTC' };
    const day = (date: string) => formatDate(`${date}T12:00:00Z`, o, 'medium');
    const error = this._rowErrors[membership.id];
    const labels: Record<string, string> = { active: membership.status === 'requested' ? m.approve : m.resume, refused: m.refuse, paused: m.pause, ended: m.endToday };
    return html`<li class=${membership.status} data-membership=${membership.id}>
      <p>
        <strong>${this.#planName(membership.planId)}</strong> · <span class="status">${m.membershipStatuses[membership.status]}</span> ·
        ${formatMoney(membership.price, this.locale)} ${m.perPeriod[membership.period] ?? membership.period}
      </p>
      <p class="muted">
        ${m.runs(day(membership.startDate), membership.endDate ? day(membership.endDate) : undefined)}${membership.currentPeriod
          ? html` · ${m.currentPeriod(day(membership.currentPeriod.start), day(membership.currentPeriod.end))}`
          : nothing}
      </p>
      ${membership.pendingChange ? html`<p>${m.pendingChange(this.#planName(membership.pendingChange.planId), day(membership.pendingChange.effectiveDate))}</p>` : nothing}
      ${error ? html`<p class="field-error" role="alert">${error}</p>` : nothing}
      ${moves[membership.status].length > 0
        ? html`<div class="actions">
            ${moves[membership.status].map(
              (status) =>
                html`<button class="button ${status === 'ended' || status === 'refused' ? 'danger' : status === 'active' ? 'primary' : ''}" type="button" data-move=${status!} ?disabled=${this._busy} @click=${() => this.#change(membership, { status }, m.membershipSaved(this.#planName(membership.planId)))}>${labels[status!]}</button>`,
            )}
            ${membership.status === 'requested' || this._changing === membership.id ? nothing : html`<button class="button change" type="button" @click=${() => (this._changing = membership.id)}>${m.changePlan}</button>`}
          </div>`
        : nothing}
      ${this._changing === membership.id ? this.#renderChangePlan(membership) : nothing}
    </li>`;
  }

  #renderChangePlan(membership: Membership) {
    const m = this.messages;
    const id = membership.id;
    const others = this._plans.filter((plan) => plan.id !== membership.planId);
    return html`<form
      class="change-plan"
      aria-label=${m.changePlan}
      @submit=${(event: SubmitEvent) => {
        event.preventDefault();
        const form = event.currentTarget as HTMLFormElement;
        const planId = (form.elements.namedItem('plan') as HTMLSelectElement).value;
        const effective = (form.elements.namedItem('effective') as RadioNodeList).value as 'now' | 'nextPeriod';
        void this.#change(membership, { planId, effective }, m.membershipSaved(this.#planName(planId)));
      }}
    >
      <div class="field">
        <label for="change-${id}">${m.newPlan}</label>
        <select id="change-${id}" name="plan">
          ${others.map((plan) => html`<option value=${plan.id}>${translated(plan, 'name', this.locale)} (${formatMoney(plan.price, this.locale)} ${m.perPeriod[plan.period] ?? plan.period})</option>`)}
        </select>
      </div>
      <fieldset>
        <legend>${m.when}</legend>
        <div class="check"><input id="next-${id}" type="radio" name="effective" value="nextPeriod" checked /><label for="next-${id}">${m.atNextPeriod}</label></div>
        <div class="check"><input id="now-${id}" type="radio" name="effective" value="now" /><label for="now-${id}">${m.now}</label></div>
      </fieldset>
      <div class="actions">
        <button class="button primary" type="submit" ?disabled=${this._busy || others.length === 0}>${m.changePlanSend}</button>
        <button class="button" type="button" @click=${() => (this._changing = undefined)}>${m.cancelChange}</button>
      </div>
    </form>`;
  }

  #renderStart() {
    const m = this.messages;
    const errors = this._startErrors;
    const today = localDate(new Date().toISOString(), this.#timeZone);
    const invalid = (key: string) => (errors[key] ? 'true' : 'false');
    const described = (key: string, id: string) => (errors[key] ? `${id}-error` : nothing);
    const error = (key: string, id: string) => (errors[key] ? html`<p class="field-error" id="${id}-error">${errors[key]}</p>` : nothing);
    return html`<form class="start-membership" novalidate aria-labelledby="start-heading" @submit=${this.#start}>
      <h4 id="start-heading">${m.startMembership}</h4>
      ${errors.form ? html`<p class="field-error" role="alert">${errors.form}</p>` : nothing}
      <div class="field">
        <label for="membership-plan">${m.plan}</label>
        <select id="membership-plan" name="plan" aria-invalid=${invalid('planId')} aria-describedby=${described('planId', 'membership-plan')}>
          ${this._plans.map((plan) => html`<option value=${plan.id}>${translated(plan, 'name', this.locale)} (${formatMoney(plan.price, this.locale)} ${m.perPeriod[plan.period] ?? plan.period})</option>`)}
        </select>
        ${error('planId', 'membership-plan')}
      </div>
      <div class="row">
        <div class="field">
          <label for="membership-start">${m.firstDay}</label>
          <input id="membership-start" name="start" type="date" .value=${today} aria-invalid=${invalid('startDate')} aria-describedby=${described('startDate', 'membership-start')} />
          ${error('startDate', 'membership-start')}
        </div>
        <div class="field">
          <label for="membership-end">${m.lastDay}</label>
          <input id="membership-end" name="end" type="date" aria-invalid=${invalid('endDate')} aria-describedby=${described('endDate', 'membership-end')} />
          ${error('endDate', 'membership-end')}
        </div>
      </div>
      <div class="actions">
        <button class="button primary" type="submit" ?disabled=${this._busy}>${m.startMembershipSend}</button>
        <button class="button" type="button" @click=${() => (this._starting = false)}>${m.cancelChange}</button>
      </div>
    </form>`;
  }
}
