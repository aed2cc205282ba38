import { getMember, listMembers, type components } from '@coworking-commons/client';
import { describeError, type Connection } from '@coworking-commons/elements';
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { pick } from '../i18n/messages.ts';
import { consoleTheme } from '../shell/console.styles.ts';
import { loadError } from '../shell/templates.ts';
import { membersStyles } from './members.styles.ts';
import * as catalogues from './messages.ts';

type Member = components['schemas']['Member'];
type Status = Member['status'];

/**
 * The space's members for staff: search by name, email or company and by status, a page at a
 * time ("more"); open one to change or erase their record (`<cowork-console-member-editor>`);
 * invite a new one (`<cowork-console-member-invite>`). Admins also change roles.
 *
 * @summary The members section of the staff console.
 */
export class CoworkConsoleMembers extends LitElement {
  static override styles = [consoleTheme, membersStyles];
  static override properties = {
    connection: { attribute: false },
    locale: { type: String },
    signedInRole: { attribute: false },
    _query: { state: true },
    _status: { state: true },
    _members: { state: true },
    _next: { state: true },
    _loading: { state: true },
    _error: { state: true },
    _selected: { state: true },
    _inviting: { state: true },
    _announcement: { state: true },
    _notice: { state: true },
  };

  declare connection: Connection | undefined;
  declare locale: string;
  declare signedInRole: 'staff' | 'admin';
  declare _query: string;
  declare _status: Status | '';
  declare _members: Member[];
  declare _next: string | undefined;
  declare _loading: boolean;
  declare _error: string | undefined;
  declare _selected: Member | undefined;
  declare _inviting: boolean;
  /** How many members were found, for screen readers. */
  declare _announcement: string;
  /** What was just done (an invitation, an erasure), shown and announced. */
  declare _notice: string;
  #generation = 0;

  constructor() {
    super();
    this.locale = 'en';
    this.signedInRole = 'staff';
    this._query = '';
    this._status = '';
    this._members = [];
    this._loading = false;
    this._inviting = false;
    this._announcement = '';
    this._notice = '';
  }

  get messages(): catalogues.MembersMessages {
    return pick(catalogues, this.locale);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('connection') && this.connection) void this.#load(false);
  }

  async #load(more: boolean): Promise<void> {
    const connection = this.connection;
    if (!connection) return;
    const generation = ++this.#generation;
    this._loading = true;
    this._error = undefined;
    const q = this._query.trim().slice(0, 100);
    try {
      const { data } = await listMembers(connection.client, {
        path: { spaceId: connection.spaceId },
        query: { limit: 20, ...(q ? { q } : {}), ...(this._status ? { status: this._status } : {}), ...(more && this._next ? { cursor: this._next } : {}) },
      });
      if (generation !== this.#generation) return;
      this._members = more ? [...this._members, ...data.items] : data.items;
      this._next = data.nextCursor ?? undefined;
      if (!more) this._announcement = this.messages.found(data.items.length, this._next !== undefined);
    } catch (error) {
      if (generation === this.#generation) this._error = describeError(error).message;
    } finally {
      if (generation === this.#generation) this._loading = false;
    }
  }

  #search(event: SubmitEvent): void {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    this._query = (form.elements.namedItem('q') as HTMLInputElement).value;
    this._status = (form.elements.namedItem('status') as HTMLSelectElement).value as Status | '';
    void this.#load(false);
  }

  async #more(): Promise<void> {
    const count = this._members.length;
    await this.#load(true);
    await this.updateComplete;
    // The first new member gets the focus, so that a keyboard user carries on where they were.
    this.renderRoot.querySelectorAll<HTMLElement>('.member-list button')[count]?.focus();
  }

  async #open(member: Member | undefined, invite = false): Promise<void> {
    const previous = this._selected?.id;
    if (member?.id !== previous || invite) this._notice = '';
    this._selected = member;
    this._inviting = invite;
    await this.updateComplete;
    if (member) this.renderRoot.querySelector('cowork-console-member-editor')?.shadowRoot?.querySelector<HTMLElement>('#member-heading')?.focus();
    else if (invite) this.renderRoot.querySelector<HTMLElement>('cowork-console-member-invite')?.focus();
    else this.renderRoot.querySelector<HTMLElement>(previous ? `[data-member="${previous}"] button` : '#invite-open')?.focus();
  }

  /** Opens the record of a member who may not be in the list's page (a membership request's). */
  async #openById(memberId: string): Promise<void> {
    const connection = this.connection!;
    try {
      await this.#open((await getMember(connection.client, { path: { spaceId: connection.spaceId, memberId } })).data);
    } catch (error) {
      this._error = describeError(error).message;
    }
  }

  #replace(member: Member): void {
    this._members = this._members.map((known) => (known.id === member.id ? member : known));
    this._selected = member;
  }

  #erased(member: Member): void {
    this._members = this._members.filter((known) => known.id !== member.id);
    void this.#open(undefined);
    this._notice = this.messages.erased(member.displayName);
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#members-heading')?.focus());
  }

  #invited(member: Member): void {
    this._members = [member, ...this._members.filter((known) => known.id !== member.id)];
    void this.#open(member);
    this._notice = this.messages.invited(member.displayName, member.email);
  }

  protected override render() {
    const m = this.messages;
    const detail = this._selected !== undefined || this._inviting;
    return html`
      <p class="visually-hidden" role="status" aria-live="polite">${this._announcement}</p>
      <p class="notice" role="status" aria-live="polite">${this._notice}</p>
      <div class="layout ${detail ? 'with-detail' : ''}">
        <section class="list-pane" aria-labelledby="members-heading">
          <div class="toolbar">
            <h2 id="members-heading" tabindex="-1">${m.heading}</h2>
            <button id="invite-open" class="button primary" type="button" aria-expanded=${this._inviting ? 'true' : 'false'} @click=${() => this.#open(undefined, true)}>${m.invite}</button>
          </div>
          <cowork-console-membership-requests .connection=${this.connection} locale=${this.locale} @cowork-open-member=${(e: CustomEvent<string>) => this.#openById(e.detail)}></cowork-console-membership-requests>
          <form class="search" role="search" @submit=${this.#search}>
            <div class="field grow">
              <label for="q">${m.search}</label>
              <input id="q" name="q" type="search" maxlength="100" autocomplete="off" .value=${this._query} />
            </div>
            <div class="field">
              <label for="status">${m.statusFilter}</label>
              <select id="status" name="status" .value=${this._status}>
                <option value="">${m.anyStatus}</option>
                <option value="active">${m.statuses.active}</option>
                <option value="inactive">${m.statuses.inactive}</option>
              </select>
            </div>
            <button class="button" type="submit">${m.find}</button>
          </form>
          ${loadError(this._error, m.retry, () => this.#load(false))}
          ${this._loading && this._members.length === 0 ? html`<p class="muted">${m.loading}</p>` : this.#renderList()}
        </section>
        ${this._inviting
          ? html`<cowork-console-member-invite
              .connection=${this.connection}
              locale=${this.locale}
              .signedInRole=${this.signedInRole}
              @cowork-close=${() => this.#open(undefined)}
              @cowork-member-invited=${(event: CustomEvent<Member>) => this.#invited(event.detail)}
            ></cowork-console-member-invite>`
          : this._selected
            ? html`<cowork-console-member-editor
                .connection=${this.connection}
                .member=${this._selected}
                locale=${this.locale}
                .signedInRole=${this.signedInRole}
                @cowork-close=${() => this.#open(undefined)}
                @cowork-member-saved=${(event: CustomEvent<Member>) => this.#replace(event.detail)}
                @cowork-member-erased=${(event: CustomEvent<Member>) => this.#erased(event.detail)}
              ></cowork-console-member-editor>`
            : nothing}
      </div>
    `;
  }

  #renderList() {
    const m = this.messages;
    if (this._members.length === 0) return html`<p class="muted">${m.found(0, false)}</p>`;
    return html`
      <ul class="member-list">
        ${this._members.map(
          (member) => html`<li data-member=${member.id} class=${member.id === this._selected?.id ? 'current' : ''}>
            <button type="button" aria-current=${member.id === this._selected?.id ? 'true' : nothing} @click=${() => this.#open(member)}>
              <span class="name">${member.displayName}</span>
              <span class="email">${member.email}</span>
              ${member.company ? html`<span class="company muted">${member.company}</span>` : nothing}
              <span class="badges">
                <span class="badge ${member.status}">${m.statuses[member.status]}</span>
                ${member.role && member.role !== 'member' ? html`<span class="badge role">${m.roles[member.role]}</span>` : nothing}
              </span>
            </button>
          </li>`,
        )}
      </ul>
      ${this._next ? html`<button class="button more" type="button" ?disabled=${this._loading} @click=${() => this.#more()}>${m.more}</button>` : nothing}
    `;
  }
}
