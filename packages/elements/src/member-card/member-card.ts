import { msg, str } from '@lit/localize';
import { getMe, getMemberCard, updateMe, type components } from '@coworking-commons/client';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { Space } from '../context/contexts.ts';
import { dispatchCowork, errorDetail } from '../events.ts';
import { LocaleController, useMessages } from '../localization/localization.ts';
import { describeError, problemOf } from '../states/errors.ts';
import { LiveRegion } from '../states/live-region.ts';
import { renderEmpty, renderError, renderLoading, renderNotConfigured } from '../states/states.ts';
import { avatarHue, initials } from './avatar.ts';
import { SpaceController } from '../controllers/space-controller.ts';
import { kindLabel, linkKinds, linkText, renderIcon, safeUrl, type LinkKind } from './links.ts';
import { memberCardStyles } from './member-card.styles.ts';
import messages from '../localization/generated/member-card.ts';

useMessages(messages);

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
const since = (date: string, locale: string) => new Date(`${date}T12:00:00Z`).toLocaleDateString(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' });

const urlMessage = () => msg('Enter a web address starting with https://');
const skillsMessage = () => msg('Use up to 30 skills made of letters, digits and hyphens, such as ux-design.');

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
    return typeof this.member === 'object' ? this.member : undefined;
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
    this.#toggle(true);
  }

  /** Opens the editor (the focus on its first field) or closes it (the focus back on "Edit my card"). */
  #toggle(editing: boolean): void {
    this.#editing = editing;
    this.#errors = {};
    this.#formError = '';
    this.#go(editing ? '#headline' : '#edit');
  }

  /** The changes to send, or the fields to correct first. */
  #check(draft: Draft): MemberUpdate | undefined {
    const errors: Record<string, string> = {};
    draft.links = draft.links.filter((l) => l.url.trim() || l.label.trim());
    const skills = [...new Set(draft.skills.split(',').map(normalizeSkill).filter(Boolean))];
    // The spec's rules for skills: at most 30 tags of at most 40 characters.
    if (skills.length > 30 || skills.some((s) => s.length > 40 || !/^[a-z0-9]+(?:[_-][a-z0-9]+)*$/.test(s))) errors.skills = skillsMessage();
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
      // An empty label is left out (undefined is not sent).
      links: draft.links.map((l): Link => ({ kind: l.kind, url: l.url.trim(), label: l.label.trim() || undefined })),
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
    // Shown at once (the fields cleared are null: shown as absent); put back as it was if the server refuses.
    this.#override = { ...this.#card!, ...body } as MemberCard;
    this.#toggle(false);
    this.#busy = 'saving';
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
        // The editor's field of the server's JSON pointer: `/links/2/url` → `link-2-url`, `/skills/3` → `skills`.
        const [, top, index, sub = 'url'] = pointer.split('/');
        const field = top === 'links' && index ? `link-${index}-${sub}` : top!;
        errors[field] = field.endsWith('url') ? urlMessage() : field === 'skills' ? skillsMessage() : msg('Check this field.');
      }
      this.#errors = errors;
      // Whether a field shows its error (not the whole list of links, a link's kind or the consent).
      const shown = Object.keys(errors).some((field) => !/^links$|kind$|Consent$/.test(field));
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
    const blocked = ctx.space && this.#blocked(ctx.space);
    const error = this.#loaded?.error;
    return html`${card
      ? this.#renderCard(card, compact)
      : typeof this.member !== 'string' || !this.member.trim()
        ? nothing
        : !ctx.configured
          ? renderNotConfigured('cowork-member-card')
          : ctx.state?.error && !ctx.space
            ? renderError(ctx.state.error, { onRetry: () => ctx.state!.reload() })
            : blocked === 'staff'
              ? renderEmpty({ heading: msg('The member cards of this space are not public.'), message: msg('Only the team of the space can see them.') })
              : blocked
                ? renderEmpty({ heading: msg('The member cards of this space are for its members.'), message: msg('Sign in to see them.') })
                : problemOf(error)?.status === 404
                  ? renderEmpty({ heading: msg('This member card is not available.'), message: msg('The member may have left the directory.') })
                  : error
                    ? renderError(error, { onRetry: () => ((this.#loaded = undefined), this.requestUpdate()) })
                    : renderLoading({ label: msg('Loading the member card…'), lines: compact ? 2 : 4, minHeight: compact ? '5.5em' : '13em' })}${this.#own ? this.#live.render() : nothing}`;
  }

  #renderCard(card: MemberCard, compact: boolean): TemplateResult {
    const lang = this.#l10n.intl;
    const skills = card.skills ?? [];
    const shown = compact ? skills.slice(0, 4) : skills;
    const links = card.links ?? [];
    return html`<article class="card stack ${compact ? 'compact' : 'full'}" part="base" aria-labelledby="name">
      <div class="top">
        ${this.#renderAvatar(card, lang)}
        <div class="who stack">
          <p class="name" id="name" part="name" role="heading" aria-level=${this.headingLevel || 3}>${card.displayName}</p>
          ${card.headline ? html`<p class="headline" part="headline">${card.headline}</p>` : nothing}
          ${card.company ? html`<p class="company muted" part="company">${card.company}</p>` : nothing}
        </div>
      </div>
      ${!compact && card.bio ? html`<p class="bio" part="bio">${card.bio}</p>` : nothing}
      ${shown.length
        ? html`<ul class="skills" part="skills" aria-label=${msg('Skills')}>
            ${shown.map((skill) => html`<li part="skill">${skill}</li>`)}
            ${skills.length > shown.length ? html`<li class="more muted">${msg(str`+${skills.length - shown.length} more`)}</li>` : nothing}
          </ul>`
        : nothing}
      ${links.length ? html`<ul class="links" part="links" aria-label=${msg('Links')}>${links.map((link) => this.#renderLink(link, compact))}</ul>` : nothing}
      ${compact ? nothing : html`<p class="hint" part="since">${msg(str`Member since ${since(card.memberSince, lang)}`)}</p>`}
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
    return html`<span class="avatar initials" part="avatar initials" aria-hidden="true" .style=${`--_h:${avatarHue(card.id)}`}><span>${initials(card.displayName, lang)}</span></span>`;
  }

  #renderLink(link: Link, compact: boolean): TemplateResult {
    const url = safeUrl(link.url);
    const text = linkText(link);
    const icon = renderIcon(link.kind);
    // Anything but an http(s) address stays text: never a javascript: or data: link.
    return url
      ? html`<li>
          <a class="link" part="link" href=${url} target="_blank" rel="noopener noreferrer" title=${compact ? text : nothing}
            >${icon}<span class=${compact ? 'visually-hidden' : ''}>${text}</span><span class="visually-hidden"> ${msg('(opens in a new tab)')}</span></a
          >
        </li>`
      : html`<li class="muted">${icon}<span>${text}</span></li>`;
  }

  #renderOwn(): TemplateResult {
    const hidden = this.#me && !this.#me.directoryConsent;
    return html`<div class="own stack">
      ${hidden ? html`<p class="hint">${msg('Your card is not in the member directory: only you see it.')}</p>` : nothing}
      ${this.#formError ? html`<p class="field-error" role="alert">${this.#formError}</p>` : nothing}
      <button type="button" class="button" id="edit" part="edit-button" aria-disabled=${!!this.#busy} @click=${() => this.#edit()}>
        ${this.#busy === 'saving' ? msg('Saving…') : this.#busy ? msg('Loading…') : msg('Edit my card')}
      </button>
    </div>`;
  }

  /** A text field of the editor (`object[key]`), with its label, hint and error tied to the control. */
  #input<K extends string>(object: Record<K, string>, key: K, label: string, max: number, id: string = key, hint?: string, type = 'text'): TemplateResult {
    const error = this.#errors[id];
    const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || nothing;
    const input = (event: Event) => (object[key] = (event.target as HTMLInputElement).value);
    return html`<div class="field">
      <label for=${id}>${label}</label>
      ${key === 'bio'
        ? html`<textarea id=${id} rows="5" maxlength=${max} aria-describedby=${describedBy} aria-invalid=${!!error} .value=${object[key]} @input=${input}></textarea>`
        : html`<input id=${id} type=${type} maxlength=${max} placeholder=${type === 'url' ? 'https://' : nothing} aria-describedby=${describedBy} aria-invalid=${!!error} .value=${object[key]} @input=${input} />`}
      ${hint ? html`<p class="hint" id=${`${id}-hint`}>${hint}</p>` : nothing} ${error ? html`<p class="field-error" id=${`${id}-error`}>${error}</p>` : nothing}
    </div>`;
  }

  #renderEditor(): TemplateResult {
    const draft = this.#draft!;
    return html`<form
      class="editor stack"
      part="form"
      novalidate
      aria-labelledby="editor-title"
      @submit=${(event: Event) => this.#save(event)}
      @keydown=${(event: KeyboardEvent) => event.key === 'Escape' && this.#toggle(false)}
    >
      <p class="editor-title" id="editor-title">${msg('Edit your card')}</p>
      ${this.#formError ? html`<p class="field-error" id="form-error" role="alert" tabindex="-1">${this.#formError}</p>` : nothing}
      ${this.#input(draft, 'headline', msg('Headline'), 140)} ${this.#input(draft, 'company', msg('Company or organisation'), 120)} ${this.#input(draft, 'bio', msg('About you'), 2000)}
      ${this.#input(draft, 'skills', msg('Skills'), 1300, 'skills', msg('Separate them with commas, such as ux-design, accounting.'))}
      <fieldset class="stack">
        <legend>${msg('Links')}</legend>
        ${draft.links.map((link, i) => this.#renderLinkEditor(link, i))}
        ${draft.links.length < 10 /* the spec's most links */
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
      <div class="row">
        <button type="submit" class="button primary" part="save-button">${msg('Save')}</button>
        <button type="button" class="button" @click=${() => this.#toggle(false)}>${msg('Cancel')}</button>
      </div>
    </form>`;
  }

  #renderLinkEditor(link: Draft['links'][number], i: number): TemplateResult {
    const id = `link-${i}`;
    const draft = this.#draft!;
    return html`<fieldset class="link-editor">
      <legend class="visually-hidden">${msg(str`Link ${i + 1}`)}</legend>
      <div class="field">
        <label for=${`${id}-kind`}>${msg('Kind')}</label>
        <select id=${`${id}-kind`} @change=${(event: Event) => (link.kind = (event.target as HTMLSelectElement).value as LinkKind)}>
          ${linkKinds.map((kind) => html`<option value=${kind} ?selected=${kind === link.kind}>${kindLabel(kind)}</option>`)}
        </select>
      </div>
      ${this.#input(link, 'url', msg('Address'), 2000, `${id}-url`, undefined, 'url')} ${this.#input(link, 'label', msg('Label (optional)'), 80, `${id}-label`)}
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
