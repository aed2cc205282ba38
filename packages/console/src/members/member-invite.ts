import { createMember, type components } from '@coworking-commons/client';
import type { Connection } from '@coworking-commons/elements';
import { LitElement, html, nothing } from 'lit';
import { pick } from '../i18n/messages.ts';
import { consoleTheme } from '../shell/console.styles.ts';
import { checkedErrors, requestErrors, type FormErrors } from './member-errors.ts';
import { memberFields } from './member-fields.ts';
import { membersStyles } from './members.styles.ts';
import * as catalogues from './messages.ts';
import { checkMember, type MemberDraft, type MemberField } from './validation.ts';

type Member = components['schemas']['Member'];
type MemberCreate = components['schemas']['MemberCreate'];

const empty: MemberDraft = { displayName: '', email: '', company: '', phone: '', status: 'active', role: 'member', organisationId: '' };

/**
 * The form that adds a member to the space (createMember): name and email, optionally company and
 * phone, and for admins a role. The member then signs in with a one-time code sent to that email.
 * A refused request keeps what was typed and says what is wrong under each field.
 *
 * @summary Invite a member, in the staff console.
 * @event cowork-member-invited - The member was created; `detail` is the member.
 * @event cowork-close - The person closed the form.
 */
export class CoworkConsoleMemberInvite extends LitElement {
  static override styles = [consoleTheme, membersStyles];
  static override properties = {
    connection: { attribute: false },
    locale: { type: String },
    signedInRole: { attribute: false },
    _draft: { state: true },
    _errors: { state: true },
    _busy: { state: true },
  };

  declare connection: Connection | undefined;
  declare locale: string;
  declare signedInRole: 'staff' | 'admin';
  declare _draft: MemberDraft;
  declare _errors: FormErrors;
  declare _busy: boolean;

  constructor() {
    super();
    this.locale = 'en';
    this.signedInRole = 'staff';
    this._draft = { ...empty };
    this._errors = { fields: {} };
    this._busy = false;
  }

  get messages(): catalogues.MembersMessages {
    return pick(catalogues, this.locale);
  }

  override focus(): void {
    this.renderRoot.querySelector<HTMLElement>('#invite-displayName')?.focus();
  }

  async #submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const m = this.messages;
    const connection = this.connection!;
    const draft = this._draft;
    const problems = checkMember(draft);
    this._errors = checkedErrors(problems, m);
    if (Object.keys(problems).length > 0) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    const body: MemberCreate = { email: draft.email.trim(), displayName: draft.displayName.trim() };
    if (draft.company.trim()) body.company = draft.company.trim();
    if (draft.phone.trim()) body.phone = draft.phone.trim();
    if (this.signedInRole === 'admin' && draft.role !== 'member') body.role = draft.role;
    this._busy = true;
    try {
      const { data } = await createMember(connection.client, { path: { spaceId: connection.spaceId }, body });
      this._draft = { ...empty };
      this.dispatchEvent(new CustomEvent<Member>('cowork-member-invited', { detail: data, bubbles: true, composed: true }));
    } catch (error) {
      this._errors = requestErrors(error, m, true);
      await this.updateComplete;
      (this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]') ?? this.renderRoot.querySelector<HTMLElement>('.form-error'))?.focus();
    } finally {
      this._busy = false;
    }
  }

  protected override render() {
    const m = this.messages;
    const fields: MemberField[] = ['displayName', 'email', 'company', 'phone', ...(this.signedInRole === 'admin' ? (['role'] as const) : [])];
    return html`<section class="panel" aria-labelledby="invite-heading">
      <div class="panel-head">
        <h2 id="invite-heading">${m.inviteHeading}</h2>
        <button class="button" type="button" @click=${() => this.dispatchEvent(new CustomEvent('cowork-close', { bubbles: true, composed: true }))}>${m.close}</button>
      </div>
      <p class="muted">${m.inviteIntro}</p>
      ${this._errors.message ? html`<p class="form-error" role="alert" tabindex="-1">${this._errors.message}</p>` : nothing}
      <form novalidate @submit=${this.#submit} aria-labelledby="invite-heading">
        ${memberFields({ draft: this._draft, errors: this._errors.fields, messages: m, prefix: 'invite', fields, onInput: (field, value) => (this._draft = { ...this._draft, [field]: value }) })}
        <div class="actions"><button class="button primary" type="submit" ?disabled=${this._busy}>${m.inviteSend}</button></div>
      </form>
    </section>`;
  }
}
