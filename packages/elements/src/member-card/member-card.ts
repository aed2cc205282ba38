import { msg, str } from '@lit/localize';
import { getMe, getMemberCard, updateMe, type components } from '@coworking-commons/client';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { styleProperties } from '../directives/style-properties.ts';
import type { Space } from '../context/contexts.ts';
import { dispatchCowork, errorDetail } from '../events.ts';
import { LocaleController } from '../localization/localization.ts';
import { describeError, problemOf } from '../states/errors.ts';
import { LiveRegion } from '../states/live-region.ts';
import { renderEmpty, renderError, renderLoading, renderNotConfigured } from '../states/states.ts';
import { avatarColours, initials } from './avatar.ts';
import { SpaceController } from '../controllers/space-controller.ts';
import { kindLabel, linkKinds, linkText, renderIcon, safeUrl, type LinkKind } from './links.ts';
import { memberCardStyles } from './member-card.styles.ts';

export type MemberCard = components['schemas']['MemberCard'];
type Member = components['schemas']['Member'];
type MemberUpdate = components['schemas']['MemberUpdate'];
type Link = components['schemas']['Link'];

/** The editor's fields, as typed. */
interface Draft {
  headline: string;
  company: string;
  bio: string;
  skills: string;
  links: { kind: LinkKind; url: string; label: string }[];
  consent: boolean;
}

const tagPattern = /^[a-z0-9]+(?:[_-][a-z0-9]+)*$/;
const maxLinks = 10;

/** The public card of a member's full record. */
export function cardOf(member: Member): MemberCard {
  const { email: _e, phone: _p, status: _s, directoryConsent: _d, createdAt: _c, updatedAt: _u, ...card } = member;
  return card;
}

/** "ux design" → "ux-design", "Économie" → "economie". */
const normalizeSkill = (skill: string) =>
  skill
    .trim()
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/\s+/g, '-');

/** "March 2024" / "mars 2024": the month a member joined (a calendar date, no time zone). */
const sinceFormats = new Map<string, Intl.DateTimeFormat>();
const since = (date: string, locale: string) => {
  let format = sinceFormats.get(locale);
  if (!format) sinceFormats.set(locale, (format = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' })));
  return format.format(new Date(`${date}T12:00:00Z`));
};

/** The editor's field id of a JSON pointer of the server's problem (`/links/2/url` → `link-2-url`). */
function fieldOf(pointer: string): string {
  const [, top = '', index, sub] = pointer.split('/');
  if (top === 'links' && index) return `link-${index}-${sub === 'label' || sub === 'kind' ? sub : 'url'}`;
  return top === 'directoryConsent' ? 'consent' : top;
}

const urlMessage = () => msg('Enter a web address starting with https://');
const skillsMessage = () => msg('Use up to 30 skills made of letters, digits and hyphens, such as ux-design.');

function fieldMessage(field: string): string {
  return field.endsWith('url') ? urlMessage() : field === 'skills' ? skillsMessage() : msg('Check this field.');
}

/**
 * A member's card: what the member made public in the space — picture (or initials on a colour of
 * their own), name, headline, company, about, skills, links and since when they are a member.
 * Give it a member id (`member` attribute) and it fetches the card, or give it the card itself
 * (`.member` property) and it makes no request at all. The signed-in member can edit their own
 * card from the card itself and sees the change at once.
 *
 * Everything the member wrote is shown as text, never as markup; only http(s) addresses become
 * links, opening in a new tab.
 *
 * Works inside `<cowork-space>` or alone with its own `api` and `space` attributes.
 *
 * @summary A member's public card, editable by its member.
 * @attr api - The API base URL, when not inside `<cowork-space>`.
 * @attr space - The space id, when not inside `<cowork-space>`.
 * @attr storage - Where a member's token is kept: `session` (default, this tab) or `memory`.
 * @attr member - The member id whose card to fetch. (As a property, `.member` also takes the card object itself: then nothing is fetched.)
 * @attr variant - `full` (default: everything) or `compact` (picture, name, headline, company, a few skills, link icons).
 * @attr heading-level - The level of the name's heading for assistive technologies (default 3).
 * @attr readonly - Never offer editing, even on the signed-in member's own card.
 * @attr lang - The language (`fr`, `en`); otherwise the nearest ancestor's, then the page's.
 * @attr theme - `light` or `dark` to force a colour scheme; otherwise the visitor's preference.
 *
 * @slot actions - Buttons or links of the page shown at the bottom of the card (such as "Write to Camille").
 *
 * @event cowork-member-updated - The member saved their card and the server confirmed it (`detail: { member, listed }`; `listed`: whether the card is in the directory).
 * @event cowork-error - Something failed (`detail`: operation, kind, message, problem, error).
 *
 * @csspart base - The card.
 * @csspart avatar - The picture, or the generated initials.
 * @csspart initials - The generated initials (a member without a picture).
 * @csspart name - The member's name.
 * @csspart headline - The headline.
 * @csspart company - The company.
 * @csspart bio - The "about" text (full variant).
 * @csspart skills - The list of skills.
 * @csspart skill - One skill.
 * @csspart links - The list of links.
 * @csspart link - One link.
 * @csspart since - "Member since …" (full variant).
 * @csspart edit-button - "Edit my card" (own card only).
 * @csspart form - The editor.
 * @csspart save-button - The editor's save button.
 * @csspart state - Loading, empty and error states (with `loading`, `empty`, `error`, `retry-button`).
 *
 * @cssprop --cowork-color-accent - Links, buttons and skill tags.
 * @cssprop --cowork-color-on-accent - Text on the accent colour.
 * @cssprop --cowork-color-surface - The background of fields.
 * @cssprop --cowork-color-surface-raised - The card's background.
 * @cssprop --cowork-color-text - Text.
 * @cssprop --cowork-color-muted - Secondary text.
 * @cssprop --cowork-color-border - The card's border, fields and buttons.
 * @cssprop --cowork-color-danger - Errors.
 * @cssprop --cowork-color-focus - The focus ring.
 * @cssprop --cowork-font-family - The font.
 * @cssprop --cowork-font-size - The base font size.
 * @cssprop --cowork-radius - Corner radius.
 * @cssprop --cowork-space-1 - Spacing, smallest (`--cowork-space-2` … `--cowork-space-4` larger).
 * @cssprop --cowork-avatar-size - The picture's size (default 5em, 3em in the compact variant).
 */
export class CoworkMemberCard extends LitElement {
  static override styles = memberCardStyles;

  static override properties = {
    api: {},
    space: {},
    storage: {},
    fetch: { attribute: false },
    member: {},
    variant: { reflect: true },
    headingLevel: { attribute: 'heading-level', type: Number },
    readonly: { type: Boolean },
  };

  declare api: string | undefined;
  declare space: string | undefined;
  declare storage: string | undefined;
  declare fetch: typeof globalThis.fetch | undefined;
  /** A member id (fetched), or the card itself (shown as is, no request). */
  declare member: string | MemberCard | undefined;
  declare variant: 'compact' | 'full' | undefined;
  declare headingLevel: number | undefined;
  declare readonly: boolean;

  #ctx = new SpaceController(this);
  #l10n = new LocaleController(this);
  #live = new LiveRegion(this);

  /** The card fetched by id, for `key` (space, id, who is signed in). */
  #loaded: { key: string; data?: MemberCard; error?: unknown } | undefined;
  /** The card as the member just changed it (shown at once), then as the server returned it. */
  #override: MemberCard | undefined;
  /** The signed-in member's own record (for the editor: directory consent). */
  #me: Member | undefined;
  #editing = false;
  #draft: Draft | undefined;
  #errors: Record<string, string> = {};
  #formError = '';
  #busy: 'loading' | 'saving' | false = false;
  #avatarFailed = '';
  #focus: string | undefined;

  get #given(): MemberCard | undefined {
    return this.member && typeof this.member === 'object' ? this.member : undefined;
  }

  /** The card shown. */
  get #card(): MemberCard | undefined {
    return this.#override ?? this.#given ?? this.#loaded?.data;
  }

  /** The signed-in member looks at their own card. */
  get #own(): boolean {
    const card = this.#card;
    return !this.readonly && !!card && this.#ctx.member?.id === card.id;
  }

  // ------------------------------------------------------------------------------------------
  // Loading

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('member')) {
      const previous = changed.get('member') as string | MemberCard | undefined;
      const id = (value: typeof previous) => (typeof value === 'object' ? value?.id : value);
      this.#override = undefined;
      if (id(previous) !== id(this.member)) {
        this.#me = undefined;
        this.#editing = false;
      }
    }
    if (!this.#own) this.#editing = false;
    const id = typeof this.member === 'string' ? this.member.trim() : '';
    if (!id) return;
    this.#ctx.needSpace();
    const { space, spaceId, client } = this.#ctx;
    if (!client || !spaceId || !space || this.#blocked(space)) return;
    const key = `${spaceId}|${id}|${this.#ctx.member?.id ?? ''}`;
    if (this.#loaded?.key !== key) void this.#load(key, id);
  }

  override updated(): void {
    this.toggleAttribute('editing', this.#editing);
    const target = this.#focus;
    this.#focus = undefined;
    if (target) (this.renderRoot.querySelector<HTMLElement>(target) ?? this.renderRoot.querySelector<HTMLElement>('#form-error'))?.focus();
  }

  /** Why the card may not be fetched by this visitor, by the space's policy. */
  #blocked(space: Space): 'members' | 'staff' | undefined {
    const visibility = space.policies.directoryVisibility;
    return visibility === 'staff' ? 'staff' : visibility === 'members' && !this.#ctx.member ? 'members' : undefined;
  }

  #fail(error: unknown, operation: string): void {
    dispatchCowork(this, 'cowork-error', errorDetail(error, operation));
  }

  async #load(key: string, id: string): Promise<void> {
    this.#loaded = { key };
    const { client, spaceId } = this.#ctx;
    const path = { spaceId: spaceId!, memberId: id };
    try {
      const { data } = await getMemberCard(client!, { path });
      if (this.#loaded?.key === key) this.#loaded = { key, data };
    } catch (error) {
      if (this.#loaded?.key !== key) return;
      // One's own card while it is out of the directory: show it to oneself, from one's record.
      const me = problemOf(error)?.status === 404 && this.#ctx.member?.id === id && (await getMe(client!, { path }).catch(() => undefined))?.data;
      if (me) {
        this.#me = me;
        this.#loaded = { key, data: cardOf(me) };
      } else {
        this.#loaded = { key, error };
        this.#fail(error, 'getMemberCard');
      }
    }
    this.requestUpdate();
  }

  // ------------------------------------------------------------------------------------------
  // Editing one's own card

  #go(target?: string): void {
    this.#focus = target;
    this.requestUpdate();
  }

  async #edit(): Promise<void> {
    if (this.#busy) return;
    if (!this.#me) {
      this.#busy = 'loading';
      this.#formError = '';
      this.requestUpdate();
      try {
        this.#me = (await getMe(this.#ctx.client!, { path: { spaceId: this.#ctx.spaceId! } })).data;
      } catch (error) {
        this.#formError = describeError(error).message;
        this.#live.announce(this.#formError);
        this.#fail(error, 'getMe');
        return this.#go('#edit');
      } finally {
        this.#busy = false;
      }
    }
    const me = this.#me;
    const card = this.#card!;
    this.#draft = {
      headline: card.headline ?? '',
      company: card.company ?? '',
      bio: card.bio ?? '',
      skills: card.skills.join(', '),
      links: card.links.map((l) => ({ kind: l.kind ?? 'website', url: l.url, label: l.label ?? '' })),
      consent: me.directoryConsent,
    };
    this.#errors = {};
    this.#formError = '';
    this.#editing = true;
    this.#go('#headline');
  }

  #cancel(): void {
    this.#editing = false;
    this.#errors = {};
    this.#formError = '';
    this.#go('#edit');
  }

  /** The changes to send, or the fields to correct first. */
  #check(draft: Draft): MemberUpdate | undefined {
    const errors: Record<string, string> = {};
    draft.links = draft.links.filter((l) => l.url.trim() || l.label.trim());
    const skills = [...new Set(draft.skills.split(',').map(normalizeSkill).filter(Boolean))];
    if (skills.length > 30 || skills.some((s) => s.length > 40 || !tagPattern.test(s))) errors.skills = skillsMessage();
    draft.links.forEach((l, i) => {
      if (!safeUrl(l.url.trim())) errors[`link-${i}-url`] = urlMessage();
    });
    this.#errors = errors;
    if (Object.keys(errors).length) return undefined;
    const text = (value: string) => value.trim() || null;
    return {
      headline: text(draft.headline),
      company: text(draft.company),
      bio: text(draft.bio),
      skills,
      links: draft.links.map((l): Link => ({ kind: l.kind, url: l.url.trim(), ...(l.label.trim() ? { label: l.label.trim() } : {}) })),
      directoryConsent: draft.consent,
    };
  }

  #showErrors(message: string): void {
    this.#formError = message;
    this.#live.announce(message);
    // The first field to correct in the form's order, else the message.
    this.#go('[aria-invalid="true"]');
  }

  async #save(event: Event): Promise<void> {
    event.preventDefault();
    const draft = this.#draft!;
    const body = this.#check(draft);
    if (!body) return this.#showErrors(msg('Some fields need a correction.'));
    const before = this.#override;
    const card: MemberCard = { ...this.#card!, skills: body.skills!, links: body.links! };
    for (const field of ['headline', 'company', 'bio'] as const) {
      if (body[field]) card[field] = body[field];
      else delete card[field];
    }
    // Shown at once; put back as it was if the server refuses.
    this.#override = card;
    this.#editing = false;
    this.#busy = 'saving';
    this.#formError = '';
    this.#go('#edit');
    try {
      const { data } = await updateMe(this.#ctx.client!, { path: { spaceId: this.#ctx.spaceId! }, body });
      this.#me = data;
      this.#override = cardOf(data);
      this.#live.announce(msg('Your card is saved.'));
      dispatchCowork(this, 'cowork-member-updated', { member: this.#override, listed: data.directoryConsent });
    } catch (error) {
      this.#override = before;
      this.#editing = true;
      const errors: Record<string, string> = {};
      for (const { pointer } of problemOf(error)?.errors ?? []) {
        const field = fieldOf(pointer);
        errors[field] = fieldMessage(field);
      }
      this.#errors = errors;
      const shown = Object.keys(errors).some((field) => field !== 'links' && field !== 'consent');
      this.#showErrors(shown ? msg('Your card was not saved: some fields need a correction.') : msg(str`Your card was not saved. ${describeError(error).message}`));
      this.#fail(error, 'updateMe');
    } finally {
      this.#busy = false;
      this.requestUpdate();
    }
  }

  // ------------------------------------------------------------------------------------------
  // Rendering

  override render(): TemplateResult {
    const ctx = this.#ctx;
    const card = this.#card;
    const compact = this.variant === 'compact';
    let body: TemplateResult | typeof nothing = nothing;
    if (card) body = this.#renderCard(card, compact);
    else if (typeof this.member !== 'string' || !this.member.trim()) body = nothing;
    else if (!ctx.configured) body = renderNotConfigured('cowork-member-card');
    else if (ctx.state?.error && !ctx.space) body = renderError(ctx.state.error, { onRetry: () => ctx.state!.reload() });
    else if (ctx.space && this.#blocked(ctx.space))
      body = renderEmpty({
        heading: this.#blocked(ctx.space) === 'staff' ? msg('The member cards of this space are not public.') : msg('The member cards of this space are for its members.'),
        message: this.#blocked(ctx.space) === 'staff' ? msg('Only the team of the space can see them.') : msg('Sign in to see them.'),
      });
    else if (this.#loaded?.error)
      body =
        problemOf(this.#loaded.error)?.status === 404
          ? renderEmpty({ heading: msg('This member card is not available.'), message: msg('The member may have left the directory.') })
          : renderError(this.#loaded.error, { onRetry: () => ((this.#loaded = undefined), this.requestUpdate()) });
    else body = renderLoading({ label: msg('Loading the member card…'), lines: compact ? 2 : 4, minHeight: compact ? '5.5em' : '13em' });
    return html`${body}${this.#own ? this.#live.render() : nothing}`;
  }

  #renderCard(card: MemberCard, compact: boolean): TemplateResult {
    const lang = this.#l10n.intl;
    const skills = card.skills ?? [];
    const shown = compact ? skills.slice(0, 4) : skills;
    const links = card.links ?? [];
    return html`<article class="card ${compact ? 'compact' : 'full'}" part="base" aria-labelledby="name">
      <div class="top">
        ${this.#renderAvatar(card, lang)}
        <div class="who">
          <p class="name" id="name" part="name" role="heading" aria-level=${this.headingLevel || 3}>${card.displayName}</p>
          ${card.headline ? html`<p class="headline" part="headline">${card.headline}</p>` : nothing}
          ${card.company ? html`<p class="company muted" part="company">${card.company}</p>` : nothing}
        </div>
      </div>
      ${!compact && card.bio ? html`<p class="bio" part="bio">${card.bio}</p>` : nothing}
      ${shown.length
        ? html`<ul class="skills" part="skills" aria-label=${msg('Skills')}>
            ${shown.map((skill) => html`<li part="skill">${skill}</li>`)}
            ${skills.length > shown.length ? html`<li class="more">${msg(str`+${skills.length - shown.length} more`)}</li>` : nothing}
          </ul>`
        : nothing}
      ${links.length ? html`<ul class="links" part="links" aria-label=${msg('Links')}>${links.map((link) => this.#renderLink(link, compact))}</ul>` : nothing}
      ${compact ? nothing : html`<p class="since muted" part="since">${msg(str`Member since ${since(card.memberSince, lang)}`)}</p>`}
      <slot name="actions"></slot>
      ${this.#own ? (this.#editing ? this.#renderEditor() : this.#renderOwn()) : nothing}
    </article>`;
  }

  #renderAvatar(card: MemberCard, lang: string): TemplateResult {
    const url = safeUrl(card.avatar?.url);
    if (url && url !== this.#avatarFailed) {
      return html`<img
        class="avatar"
        part="avatar"
        src=${url}
        alt=${card.avatar!.alt ?? ''}
        width=${card.avatar!.width ?? nothing}
        height=${card.avatar!.height ?? nothing}
        loading="lazy"
        @error=${() => ((this.#avatarFailed = url), this.requestUpdate())}
      />`;
    }
    const colours = avatarColours(card.id);
    return html`<span class="avatar initials" part="avatar initials" aria-hidden="true" style=${styleProperties({ '--_av': colours.light, '--_av-dark': colours.dark })}><span>${initials(card.displayName, lang)}</span></span>`;
  }

  #renderLink(link: Link, compact: boolean): TemplateResult {
    const url = safeUrl(link.url);
    const text = linkText(link);
    // Anything but an http(s) address stays text: never a javascript: or data: link.
    if (!url) return html`<li class="unlinked">${renderIcon(link.kind)}<span>${text}</span></li>`;
    return html`<li>
      <a part="link" href=${url} target="_blank" rel="noopener noreferrer" title=${compact ? text : nothing}
        >${renderIcon(link.kind)}<span class=${compact ? 'visually-hidden' : ''}>${text}</span
        ><span class="visually-hidden"> ${msg('(opens in a new tab)')}</span></a
      >
    </li>`;
  }

  #renderOwn(): TemplateResult {
    const hidden = this.#me && !this.#me.directoryConsent;
    return html`<div class="own">
      ${hidden ? html`<p class="hint">${msg('Your card is not in the member directory: only you see it.')}</p>` : nothing}
      ${this.#formError ? html`<p class="field-error" role="alert">${this.#formError}</p>` : nothing}
      <button type="button" class="button" id="edit" part="edit-button" aria-disabled=${this.#busy ? 'true' : 'false'} @click=${() => this.#edit()}>
        ${this.#busy === 'saving' ? msg('Saving…') : this.#busy ? msg('Loading…') : msg('Edit my card')}
      </button>
    </div>`;
  }

  /** A field of the editor, with its label, hint and error tied to the control. */
  #field(id: string, label: string, control: (describedBy: string | typeof nothing, invalid: string) => TemplateResult, hint?: string): TemplateResult {
    const error = this.#errors[id];
    const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].join(' ').trim() || nothing;
    return html`<div class="field">
      <label for=${id}>${label}</label>
      ${control(describedBy, error ? 'true' : 'false')} ${hint ? html`<p class="hint" id=${`${id}-hint`}>${hint}</p>` : nothing}
      ${error ? html`<p class="field-error" id=${`${id}-error`}>${error}</p>` : nothing}
    </div>`;
  }

  #text(id: 'headline' | 'company' | 'bio' | 'skills', label: string, max: number, hint?: string): TemplateResult {
    const draft = this.#draft!;
    const input = (event: Event) => (draft[id] = (event.target as HTMLInputElement).value);
    return this.#field(
      id,
      label,
      (describedBy, invalid) =>
        id === 'bio'
          ? html`<textarea id=${id} rows="5" maxlength=${max} aria-describedby=${describedBy} aria-invalid=${invalid} .value=${draft[id]} @input=${input}></textarea>`
          : html`<input id=${id} type="text" maxlength=${max} aria-describedby=${describedBy} aria-invalid=${invalid} .value=${draft[id]} @input=${input} />`,
      hint,
    );
  }

  #renderEditor(): TemplateResult {
    const draft = this.#draft!;
    return html`<form
      class="editor stack"
      part="form"
      novalidate
      aria-labelledby="editor-title"
      @submit=${(event: Event) => this.#save(event)}
      @keydown=${(event: KeyboardEvent) => event.key === 'Escape' && this.#cancel()}
    >
      <p class="editor-title" id="editor-title">${msg('Edit your card')}</p>
      ${this.#formError ? html`<p class="field-error" id="form-error" role="alert" tabindex="-1">${this.#formError}</p>` : nothing}
      ${this.#text('headline', msg('Headline'), 140)} ${this.#text('company', msg('Company or organisation'), 120)} ${this.#text('bio', msg('About you'), 2000)}
      ${this.#text('skills', msg('Skills'), 1300, msg('Separate them with commas, such as ux-design, accounting.'))}
      <fieldset class="links-editor stack">
        <legend>${msg('Links')}</legend>
        ${draft.links.map((link, i) => this.#renderLinkEditor(link, i))}
        ${draft.links.length < maxLinks
          ? html`<p>
              <button type="button" class="button" id="add-link" @click=${() => (draft.links.push({ kind: 'website', url: '', label: '' }), this.#go(`#link-${draft.links.length - 1}-url`))}>
                ${msg('Add a link')}
              </button>
            </p>`
          : nothing}
      </fieldset>
      <div class="check">
        <input type="checkbox" id="consent" .checked=${draft.consent} @change=${(event: Event) => (draft.consent = (event.target as HTMLInputElement).checked)} />
        <label for="consent">${msg('Show my card in the member directory')}</label>
      </div>
      <div class="actions">
        <button type="submit" class="button primary" part="save-button">${msg('Save')}</button>
        <button type="button" class="button" @click=${() => this.#cancel()}>${msg('Cancel')}</button>
      </div>
    </form>`;
  }

  #renderLinkEditor(link: Draft['links'][number], i: number): TemplateResult {
    const id = `link-${i}`;
    const draft = this.#draft!;
    return html`<fieldset class="link-editor">
      <legend class="visually-hidden">${msg(str`Link ${i + 1}`)}</legend>
      ${this.#field(
        `${id}-kind`,
        msg('Kind'),
        () => html`<select id=${`${id}-kind`} @change=${(event: Event) => (link.kind = (event.target as HTMLSelectElement).value as LinkKind)}>
          ${linkKinds.map((kind) => html`<option value=${kind} ?selected=${kind === link.kind}>${kindLabel(kind)}</option>`)}
        </select>`,
      )}
      ${this.#field(
        `${id}-url`,
        msg('Address'),
        (describedBy, invalid) =>
          html`<input id=${`${id}-url`} type="url" inputmode="url" maxlength="2000" placeholder="https://" aria-describedby=${describedBy} aria-invalid=${invalid} .value=${link.url} @input=${(event: Event) => (link.url = (event.target as HTMLInputElement).value)} />`,
      )}
      ${this.#field(
        `${id}-label`,
        msg('Label (optional)'),
        (describedBy, invalid) =>
          html`<input id=${`${id}-label`} type="text" maxlength="80" aria-describedby=${describedBy} aria-invalid=${invalid} .value=${link.label} @input=${(event: Event) => (link.label = (event.target as HTMLInputElement).value)} />`,
      )}
      <button
        type="button"
        class="link remove"
        @click=${() => {
          draft.links.splice(i, 1);
          this.#errors = {};
          this.#go(draft.links.length ? `#link-${Math.min(i, draft.links.length - 1)}-url` : '#add-link');
        }}
      >
        ${msg(str`Remove link ${i + 1}`)}
      </button>
    </fieldset>`;
  }
}
