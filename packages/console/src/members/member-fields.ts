import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import type { MembersMessages } from './messages.ts';
import type { MemberDraft, MemberField } from './validation.ts';

export interface MemberFieldsOptions {
  draft: MemberDraft;
  errors: Partial<Record<MemberField, string>>;
  messages: MembersMessages;
  /** Makes the fields' ids unique in the element (`invite`, `edit`). */
  prefix: string;
  fields: readonly MemberField[];
  /** The space's organisations, for the organisation control. */
  organisations?: readonly { id: string; name: string }[];
  onInput(field: MemberField, value: string): void;
}

const autocomplete: Partial<Record<MemberField, string>> = { displayName: 'off', email: 'off', company: 'off', phone: 'off' };

/** The labelled fields of a member's record, each with its error under it (`aria-describedby`). */
export function memberFields(o: MemberFieldsOptions) {
  const m = o.messages;
  const labels: Record<MemberField, string> = { displayName: m.displayName, email: m.email, company: m.company, phone: m.phone, status: m.status, role: m.role, organisationId: m.organisation };
  const hints: Partial<Record<MemberField, string>> = { status: m.statusHint, role: m.roleHint };
  return o.fields.map((field) => {
    const id = `${o.prefix}-${field}`;
    const error = o.errors[field];
    const hint = hints[field];
    const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || nothing;
    const input = (event: Event) => o.onInput(field, (event.currentTarget as HTMLInputElement | HTMLSelectElement).value);
    const choices: Record<string, string> | undefined =
      field === 'status' ? m.statuses : field === 'role' ? m.roles : field === 'organisationId' ? Object.fromEntries([['', m.noOrganisation], ...(o.organisations ?? []).map((org) => [org.id, org.name])]) : undefined;
    const control = choices
        ? html`<select id=${id} name=${field} .value=${live(o.draft[field])} aria-describedby=${described} aria-invalid=${error ? 'true' : 'false'} @change=${input}>
            ${Object.entries(choices).map(([value, label]) => html`<option value=${value} ?selected=${o.draft[field] === value}>${label}</option>`)}
          </select>`
        : html`<input
            id=${id}
            name=${field}
            type=${field === 'email' ? 'email' : field === 'phone' ? 'tel' : 'text'}
            autocomplete=${autocomplete[field] ?? 'off'}
            ?required=${field === 'displayName' || field === 'email'}
            spellcheck=${field === 'email' ? 'false' : nothing}
            .value=${live(o.draft[field])}
            aria-invalid=${error ? 'true' : 'false'}
            aria-describedby=${described}
            @input=${input}
          />`;
    return html`<div class="field">
      <label for=${id}>${labels[field]}</label>
      ${control} ${hint ? html`<p class="hint muted" id="${id}-hint">${hint}</p>` : nothing}
      ${error ? html`<p class="field-error" id="${id}-error">${error}</p>` : nothing}
    </div>`;
  });
}
