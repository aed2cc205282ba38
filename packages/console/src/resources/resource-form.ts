import { html, nothing, type TemplateResult } from 'lit';
import type { DurationUnit } from './durations.ts';
import type { ResourcesMessages } from './messages.ts';
import { audiences, offerUnits, resourceTypes, ruleNames, type Audience, type OfferUnit, type ResourceDraft, type ResourceType } from './resource-draft.ts';

const languageNames = (lang: string, of: string) => new Intl.DisplayNames([lang], { type: 'language' }).of(of) ?? of;
const value = (event: Event) => (event.target as HTMLInputElement).value;

export interface FormContext {
  m: ResourcesMessages;
  locale: string;
  currency: string;
  draft: ResourceDraft;
  errors: Record<string, string>;
  set(patch: Partial<ResourceDraft>): void;
}

/** A labelled control with its error, if it has one (`path`, its body path, marks the control for focus). */
function field(ctx: FormContext, id: string, path: string, label: string, control: (invalid: string, describedBy: string | typeof nothing) => unknown): TemplateResult {
  const error = ctx.errors[path];
  return html`<div class="field">
    <label for=${id}>${label}</label>
    ${control(error ? 'true' : 'false', error ? `${id}-error` : nothing)} ${error ? html`<p class="field-error" id="${id}-error">${error}</p>` : nothing}
  </div>`;
}

function input(ctx: FormContext, id: string, path: string, label: string, current: string, set: (text: string) => void, extra: { maxlength?: number; inputmode?: string; lang?: string } = {}) {
  return field(
    ctx,
    id,
    path,
    label,
    (invalid, describedBy) =>
      html`<input id=${id} data-path=${path} lang=${extra.lang ?? nothing} inputmode=${extra.inputmode ?? nothing} maxlength=${extra.maxlength ?? nothing} .value=${current} aria-invalid=${invalid} aria-describedby=${describedBy} @input=${(e: Event) => set(value(e))} />`,
  );
}

function textarea(ctx: FormContext, id: string, path: string, label: string, current: string, set: (text: string) => void, lang?: string) {
  return field(
    ctx,
    id,
    path,
    label,
    (invalid, describedBy) =>
      html`<textarea id=${id} data-path=${path} rows="3" maxlength="5000" lang=${lang ?? nothing} .value=${current} aria-invalid=${invalid} aria-describedby=${describedBy} @input=${(e: Event) => set(value(e))}></textarea>`,
  );
}

export function renderTexts(ctx: FormContext): TemplateResult {
  const { m, draft } = ctx;
  return html`
    <div class="row">
      ${field(
        ctx,
        'resource-type',
        'type',
        m.type,
        () => html`<select id="resource-type" @change=${(e: Event) => ctx.set({ type: value(e) as ResourceType })}>
          ${resourceTypes.map((type) => html`<option value=${type} ?selected=${draft.type === type}>${m.types[type]}</option>`)}
        </select>`,
      )}
      ${input(ctx, 'resource-name', 'name', m.name, draft.name, (name) => ctx.set({ name }), { maxlength: 120 })}
    </div>
    ${textarea(ctx, 'resource-description', 'description', m.description, draft.description, (description) => ctx.set({ description }))}
    <div class="row">
      ${input(ctx, 'resource-capacity', 'capacity', m.capacity, draft.capacity, (capacity) => ctx.set({ capacity }), { inputmode: 'numeric' })}
      ${input(ctx, 'resource-quantity', 'quantity', m.quantity, draft.quantity, (quantity) => ctx.set({ quantity }), { inputmode: 'numeric' })}
    </div>
    <fieldset>
      <legend>${m.bookableBy}</legend>
      ${audiences.map(
        (audience) => html`<div class="check">
          <input
            id="bookable-${audience}"
            type="checkbox"
            .checked=${draft.bookableBy.includes(audience)}
            @change=${(e: Event) => ctx.set({ bookableBy: (e.target as HTMLInputElement).checked ? [...draft.bookableBy, audience] : draft.bookableBy.filter((a) => a !== audience) })}
          />
          <label for="bookable-${audience}">${m.audiences[audience]}</label>
        </div>`,
      )}
      <p class="muted">${m.staffOnly}</p>
    </fieldset>
  `;
}

export function renderRules(ctx: FormContext): TemplateResult {
  const { m, draft } = ctx;
  return html`<fieldset>
    <legend>${m.rules}</legend>
    ${ruleNames.map((rule) => {
      const current = draft.rules[rule];
      const set = (patch: Partial<typeof current>) => ctx.set({ rules: { ...draft.rules, [rule]: { ...current, ...patch } } });
      const path = `rules/${rule}`;
      const error = ctx.errors[path];
      return html`<div class="field" role="group" aria-labelledby="rule-${rule}-label">
        <label id="rule-${rule}-label" for="rule-${rule}">${m.ruleLabels[rule]}</label>
        <div class="row">
          <input id="rule-${rule}" data-path=${path} class="amount" inputmode="numeric" .value=${current.amount} aria-invalid=${error ? 'true' : 'false'} aria-describedby=${error ? `rule-${rule}-error` : nothing} @input=${(e: Event) => set({ amount: value(e) })} />
          <select aria-label=${m.unitOf(m.ruleLabels[rule] ?? rule)} @change=${(e: Event) => set({ unit: value(e) as DurationUnit })}>
            ${(['minutes', 'hours', 'days'] as const).map((unit) => html`<option value=${unit} ?selected=${current.unit === unit}>${m.units[unit]}</option>`)}
          </select>
        </div>
        ${error ? html`<p class="field-error" id="rule-${rule}-error">${error}</p>` : nothing}
      </div>`;
    })}
    <div class="check">
      <input id="rule-approval" type="checkbox" .checked=${draft.approvalRequired} @change=${(e: Event) => ctx.set({ approvalRequired: (e.target as HTMLInputElement).checked })} />
      <label for="rule-approval">${m.approval}</label>
    </div>
  </fieldset>`;
}

export function renderOffers(ctx: FormContext, focusNew: () => void): TemplateResult {
  const { m, draft } = ctx;
  const setOffer = (index: number, patch: Partial<ResourceDraft['offers'][number]>) => ctx.set({ offers: draft.offers.map((offer, i) => (i === index ? { ...offer, ...patch } : offer)) });
  return html`<fieldset>
    <legend>${m.offers}</legend>
    ${draft.offers.length === 0 ? html`<p class="muted">${m.noOffer}</p>` : nothing}
    ${ctx.errors.offers ? html`<p class="field-error">${ctx.errors.offers}</p>` : nothing}
    <ul>
      ${draft.offers.map(
        (offer, index) => html`<li class="item row" data-offer=${index}>
          ${field(
            ctx,
            `offer-${index}-audience`,
            `offers/${index}/audience`,
            m.audience,
            () => html`<select id="offer-${index}-audience" @change=${(e: Event) => setOffer(index, { audience: value(e) as Audience })}>
              ${audiences.map((a) => html`<option value=${a} ?selected=${offer.audience === a}>${m.audienceShort[a]}</option>`)}
            </select>`,
          )}
          ${field(
            ctx,
            `offer-${index}-unit`,
            `offers/${index}/unit`,
            m.unit,
            () => html`<select id="offer-${index}-unit" @change=${(e: Event) => setOffer(index, { unit: value(e) as OfferUnit })}>
              ${offerUnits.map((u) => html`<option value=${u} ?selected=${offer.unit === u}>${m.offerUnits[u]}</option>`)}
            </select>`,
          )}
          ${input(ctx, `offer-${index}-price`, `offers/${index}/price/amount`, m.price(ctx.currency), offer.price, (price) => setOffer(index, { price }), { inputmode: 'decimal' })}
          ${input(ctx, `offer-${index}-label`, `offers/${index}/label`, m.label, offer.label, (label) => setOffer(index, { label }), { maxlength: 80 })}
          <button class="button" type="button" aria-label=${m.removeOffer(index + 1)} @click=${() => ctx.set({ offers: draft.offers.filter((_, i) => i !== index) })}>${m.removeShort}</button>
        </li>`,
      )}
    </ul>
    <div class="actions">
      <button
        class="button add-offer"
        type="button"
        @click=${() => {
          ctx.set({ offers: [...draft.offers, { audience: 'guest', unit: 'hour', price: '', label: '' }] });
          focusNew();
        }}
      >
        ${m.addOffer}
      </button>
    </div>
  </fieldset>`;
}

export function renderTranslations(ctx: FormContext): TemplateResult[] {
  const { m, draft } = ctx;
  return Object.entries(draft.translations).map(([lang, texts]) => {
    const set = (patch: Partial<typeof texts>) => ctx.set({ translations: { ...draft.translations, [lang]: { ...texts, ...patch } } });
    return html`<fieldset>
      <legend>${m.translationsFor(languageNames(ctx.locale, lang))}</legend>
      ${input(ctx, `resource-${lang}-name`, `translations/${lang}/name`, m.name, texts.name, (name) => set({ name }), { maxlength: 120, lang })}
      ${textarea(ctx, `resource-${lang}-description`, `translations/${lang}/description`, m.description, texts.description, (description) => set({ description }), lang)}
    </fieldset>`;
  });
}
