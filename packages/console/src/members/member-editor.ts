import { deleteMember, getMember, isApiError, listOrganisations, paginate, updateMember, type components } from '@coworking-commons/client';
import { describeError, formatDate, type Connection } from '@coworking-commons/elements';
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { arrayOf } from '../data/array-of.ts';
import { saveUnlessChanged } from '../forms/precondition.ts';
import { pick } from '../i18n/messages.ts';
import { consoleTheme } from '../shell/console.styles.ts';
import { checkedErrors, requestErrors, type FormErrors } from './member-errors.ts';
import { memberFields } from './member-fields.ts';
import { membersStyles } from './members.styles.ts';
import * as catalogues from './messages.ts';
import { changesOf, checkMember, draftOf, type MemberDraft, type MemberField } from './validation.ts';

type Member = components['schemas']['Member'];
type Organisation = components['schemas']['Organisation'];
type MemberStaffUpdate = components['schemas']['MemberStaffUpdate'];

/**
 * One member's record, for staff to change (name, email, company, phone, status; the role for
 * admins) or erase after a confirmation that says what is erased and what is kept. The spec gives
 * members no ETag: before saving, the record is read again, and one that differs from what the
 * form was opened with is shown as it is now instead of being overwritten.
 *
 * @summary A member's record in the staff console.
 * @event cowork-member-saved - The record was saved; `detail` is the member.
 * @event cowork-member-erased - The member's data was erased; `detail` is the member as it was.
 * @event cowork-close - The person asked to go back to the list.
 */
export class CoworkConsoleMemberEditor extends LitElement {
  static override styles = [consoleTheme, membersStyles];
  static override properties = {
    connection: { attribute: false },
    member: { attribute: false },
    locale: { type: String },
    signedInRole: { attribute: false },
    _draft: { state: true },
    _errors: { state: true },
    _busy: { state: true },
    _notice: { state: true },
    _confirming: { state: true },
    _organisations: { state: true },
  };

  declare connection: Connection | undefined;
  declare member: Member | undefined;
  declare locale: string;
  /** The signed-in person's role: only an admin sees the role control. */
  declare signedInRole: 'staff' | 'admin';
  declare _draft: MemberDraft | undefined;
  declare _errors: FormErrors;
  declare _busy: boolean;
  /** Said after a save, or when the record changed meanwhile. */
  declare _notice: string;
  declare _confirming: boolean;
  /** The space's organisations, for the record's organisation control (none shown until they are read). */
  declare _organisations: Organisation[] | undefined;

  constructor() {
    super();
    this.locale = 'en';
    this.signedInRole = 'staff';
    this._errors = { fields: {} };
    this._busy = false;
    this._notice = '';
    this._confirming = false;
  }

  get messages(): catalogues.MembersMessages {
    return pick(catalogues, this.locale);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('connection') && this.connection) void this.#loadOrganisations();
    const before = changed.get('member') as Member | undefined;
    if (changed.has('member') && this.member && before?.id !== this.member.id) {
      this._draft = draftOf(this.member);
      this._errors = { fields: {} };
      this._notice = '';
      this._confirming = false;
    }
  }

  get #fields(): MemberField[] {
    return ['displayName', 'email', 'company', ...(this._organisations ? (['organisationId'] as const) : []), 'phone', 'status', ...(this.signedInRole === 'admin' ? (['role'] as const) : [])];
  }

  async #loadOrganisations(): Promise<void> {
    const connection = this.connection!;
    try {
      this._organisations = await arrayOf(paginate(listOrganisations, connection.client, { path: { spaceId: connection.spaceId }, query: { limit: 100 } }));
    } catch {
      // A server without organisations (spec 0.1) or a refusal: the record is edited without them.
      this._organisations = undefined;
    }
  }

  async #save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const m = this.messages;
    const connection = this.connection!;
    const member = this.member!;
    const draft = this._draft!;
    this._notice = '';
    const problems = checkMember(draft);
    if (Object.keys(problems).length > 0) {
      this._errors = checkedErrors(problems, m);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    const changes = changesOf(draftOf(member), draft);
    if (Object.keys(changes).length === 0) {
      this._errors = { fields: {} };
      this._notice = m.nothingChanged;
      return;
    }
    const path = { spaceId: connection.spaceId, memberId: member.id };
    this._busy = true;
    this._errors = { fields: {} };
    try {
      const outcome = await saveUnlessChanged(
        member,
        async () => (await getMember(connection.client, { path })).data,
        async (header) => (await updateMember(connection.client, { path, header, body: changes as MemberStaffUpdate })).data,
      );
      if ('current' in outcome) return this.#showCurrent(outcome.current, changes);
      const data = outcome.saved;
      this.member = data;
      this._draft = draftOf(data);
      this._notice = m.saved(data.displayName);
      this.#emit('cowork-member-saved', data);
    } catch (error) {
      if (isApiError(error) && error.status === 404) this._errors = { fields: {}, message: m.gone };
      else this._errors = requestErrors(error, m, changes.email !== undefined);
      await this.updateComplete;
      (this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]') ?? this.renderRoot.querySelector<HTMLElement>('.form-error'))?.focus();
    } finally {
      this._busy = false;
    }
  }

  /** The record as someone else saved it meanwhile, with the fields of `changes` that were not saved. */
  #showCurrent(current: Member, changes: Record<string, unknown>): void {
    this.member = current;
    this._draft = draftOf(current);
    this._notice = this.messages.changedMeanwhile(Object.keys(changes).map((field) => this.messages.fieldNames[field as MemberField]).join(', '));
    this.#emit('cowork-member-saved', current);
  }

  async #erase(): Promise<void> {
    const m = this.messages;
    const connection = this.connection!;
    const member = this.member!;
    this._busy = true;
    this._errors = { fields: {} };
    try {
      await deleteMember(connection.client, { path: { spaceId: connection.spaceId, memberId: member.id } });
      this.#emit('cowork-member-erased', member);
    } catch (error) {
      const status = isApiError(error) ? error.status : undefined;
      this._errors = { fields: {}, message: status === 403 ? m.adminOnly : status === 409 ? m.lastAdmin : status === 404 ? m.gone : describeError(error).message };
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.form-error')?.focus();
    } finally {
      this._busy = false;
    }
  }

  #emit(type: string, detail: Member): void {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  async #openConfirmation(open: boolean): Promise<void> {
    this._confirming = open;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(open ? '#erase-heading' : '#erase-open')?.focus();
  }

  protected override render() {
    const m = this.messages;
    const member = this.member;
    const draft = this._draft;
    if (!member || !draft) return nothing;
    return html`
      <article class="panel" aria-labelledby="member-heading">
        <div class="panel-head">
          <h2 id="member-heading" tabindex="-1">${member.displayName}</h2>
          <button class="button" type="button" @click=${() => this.dispatchEvent(new CustomEvent('cowork-close', { bubbles: true, composed: true }))}>${m.back}</button>
        </div>
        <p class="muted">${m.memberSince(formatDate(`${member.memberSince}T12:00:00Z`, { locale: this.locale, timeZone: 'UTC' }, 'long'))} · ${m.roles[member.role ?? 'member']}</p>
        <p class="notice" role="status" aria-live="polite">${this._notice}</p>
        ${this._errors.message ? html`<p class="form-error" role="alert" tabindex="-1">${this._errors.message}</p>` : nothing}
        <form novalidate @submit=${this.#save} aria-labelledby="member-heading">
          ${memberFields({
            draft,
            errors: this._errors.fields,
            messages: m,
            prefix: 'edit',
            fields: this.#fields,
            organisations: this._organisations,
            onInput: (field, value) => (this._draft = { ...this._draft!, [field]: value }),
          })}
          <div class="actions">
            <button class="button primary" type="submit" ?disabled=${this._busy}>${m.save}</button>
          </div>
        </form>
        <cowork-console-member-memberships .connection=${this.connection} .member=${member} locale=${this.locale}></cowork-console-member-memberships>
        <cowork-console-member-activity .connection=${this.connection} .member=${member} locale=${this.locale}></cowork-console-member-activity>
        ${this.#renderErase(member)}
      </article>
    `;
  }

  #renderErase(member: Member) {
    const m = this.messages;
    if (!this._confirming) {
      return html`<div class="erase"><button id="erase-open" class="button danger" type="button" @click=${() => this.#openConfirmation(true)}>${m.erase}</button></div>`;
    }
    return html`<section class="erase confirm" aria-labelledby="erase-heading">
      <h3 id="erase-heading" tabindex="-1">${m.eraseHeading(member.displayName)}</h3>
      <p>${m.eraseErased}</p>
      <p>${m.eraseKept}</p>
      <p class="muted">${m.eraseInstead}</p>
      <div class="actions">
        <button class="button danger" type="button" ?disabled=${this._busy} @click=${() => this.#erase()}>${m.eraseConfirm}</button>
        <button class="button" type="button" ?disabled=${this._busy} @click=${() => this.#openConfirmation(false)}>${m.eraseKeep}</button>
      </div>
    </section>`;
  }
}
