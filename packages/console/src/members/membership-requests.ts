import { getMember, getMembership, listMemberships, listPlans, paginate, updateMembership, type components } from '@coworking-commons/client';
import { describeError, formatDate, formatMoney, translated, type Connection } from '@coworking-commons/elements';
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { arrayOf } from '../data/array-of.ts';
import { saveUnlessChanged } from '../forms/precondition.ts';
import { pick } from '../i18n/messages.ts';
import { consoleTheme } from '../shell/console.styles.ts';
import * as catalogues from './messages.ts';

type Membership = components['schemas']['Membership'];
type Plan = components['schemas']['Plan'];

/**
 * The members' requests to join a plan that wait for an answer, across the space: who, which plan
 * at what price, from when; staff accept one (the day's price is frozen then) or refuse it. Shown
 * only while there is one. Each answer sends the request's version: one answered meanwhile by
 * someone else is shown as it now is.
 *
 * @summary The membership requests waiting for staff.
 * @event cowork-open-member - Staff asked to open the record of the member who asked (`detail`: the member's id).
 */
export class CoworkConsoleMembershipRequests extends LitElement {
  static override styles = [
    consoleTheme,
    css`
      :host {
        display: block;
      }
      section {
        display: grid;
        gap: 0.5em;
        margin-bottom: 1.25em;
        padding: 0.75em 1em;
        border: 1px solid var(--_border);
        border-inline-start: 4px solid var(--_accent);
        border-radius: var(--_radius);
        background: var(--_raised);
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
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5em;
      }
      .link {
        padding: 0;
        border: 0;
        background: none;
        color: inherit;
        font: inherit;
        font-weight: 600;
        text-decoration: underline;
        cursor: pointer;
      }
    `,
  ];
  static override properties = {
    connection: { attribute: false },
    locale: { type: String },
    _requests: { state: true },
    _names: { state: true },
    _plans: { state: true },
    _errors: { state: true },
    _busy: { state: true },
    _announcement: { state: true },
  };

  declare connection: Connection | undefined;
  declare locale: string;
  declare _requests: Membership[];
  declare _names: Map<string, string>;
  declare _plans: Plan[];
  declare _errors: Record<string, string>;
  declare _busy: boolean;
  declare _announcement: string;

  constructor() {
    super();
    this.locale = 'en';
    this._requests = [];
    this._names = new Map();
    this._plans = [];
    this._errors = {};
    this._busy = false;
    this._announcement = '';
  }

  get messages(): catalogues.MembersMessages {
    return pick(catalogues, this.locale);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('connection') && this.connection) void this.#load();
  }

  async #load(): Promise<void> {
    const connection = this.connection!;
    const path = { spaceId: connection.spaceId };
    try {
      const [requests, plans] = await Promise.all([
        arrayOf(paginate(listMemberships, connection.client, { path, query: { status: 'requested', limit: 100 } })),
        arrayOf(paginate(listPlans, connection.client, { path, query: { limit: 100 } })),
      ]);
      const members = [...new Set(requests.filter((r) => r.holder.type === 'member').map((r) => r.holder.id))];
      const names = await Promise.all(members.map(async (memberId) => [memberId, (await getMember(connection.client, { path: { ...path, memberId } })).data.displayName] as const));
      this._plans = plans;
      this._names = new Map(names);
      this._requests = requests;
    } catch {
      // A server without memberships (spec 0.1) or a refusal: nothing to show here.
      this._requests = [];
    }
  }

  async #answer(request: Membership, status: 'active' | 'refused'): Promise<void> {
    const connection = this.connection!;
    const path = { spaceId: connection.spaceId, membershipId: request.id };
    const m = this.messages;
    const who = this._names.get(request.holder.id) ?? request.holder.id;
    this._busy = true;
    this._errors = { ...this._errors, [request.id]: '' };
    try {
      const outcome = await saveUnlessChanged(
        request,
        async () => (await getMembership(connection.client, { path })).data,
        async (header) => (await updateMembership(connection.client, { path, header, body: { status } })).data,
      );
      if ('current' in outcome && outcome.current.status === 'requested') {
        this._requests = this._requests.map((r) => (r.id === request.id ? outcome.current : r));
        this._errors = { ...this._errors, [request.id]: m.membershipChangedMeanwhile };
        return;
      }
      this._requests = this._requests.filter((r) => r.id !== request.id);
      this._announcement = 'current' in outcome ? m.requestAnsweredMeanwhile(who) : status === 'active' ? m.requestAccepted(who) : m.requestRefused(who);
    } catch (error) {
      this._errors = { ...this._errors, [request.id]: describeError(error).message };
    } finally {
      this._busy = false;
    }
  }

  protected override render() {
    const m = this.messages;
    const status = html`<p class="visually-hidden" role="status" aria-live="polite">${this._announcement}</p>`;
    if (this._requests.length === 0) return status;
    return html`${status}
      <section aria-labelledby="requests-heading">
        <h3 id="requests-heading">${m.requestsHeading(this._requests.length)}</h3>
        <ul>
          ${this._requests.map((request) => this.#renderRequest(request))}
        </ul>
      </section>`;
  }

  #renderRequest(request: Membership) {
    const m = this.messages;
    const plan = this._plans.find((p) => p.id === request.planId);
    const name = this._names.get(request.holder.id) ?? request.holder.id;
    const error = this._errors[request.id];
    return html`<li data-request=${request.id}>
      <p>
        <button class="link" type="button" @click=${() => this.dispatchEvent(new CustomEvent('cowork-open-member', { detail: request.holder.id, bubbles: true, composed: true }))}>${name}</button>
        · ${plan ? translated(plan, 'name', this.locale) : request.planId}${plan ? html`, ${formatMoney(plan.price, this.locale)} ${m.perPeriod[plan.period] ?? plan.period}` : nothing}
        · ${m.wantsFrom(formatDate(`${request.startDate}T12:00:00Z`, { locale: this.locale, timeZone: 'UTC' }, 'medium'))}
      </p>
      ${error ? html`<p class="field-error" role="alert">${error}</p>` : nothing}
      <div class="actions">
        <button class="button primary" type="button" ?disabled=${this._busy} @click=${() => this.#answer(request, 'active')}>${m.approve}</button>
        <button class="button danger" type="button" ?disabled=${this._busy} @click=${() => this.#answer(request, 'refused')}>${m.refuse}</button>
      </div>
    </li>`;
  }
}
