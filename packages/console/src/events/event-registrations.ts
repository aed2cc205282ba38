import { exportEventRegistrations, listRegistrations, paginate, type components } from '@coworking-commons/client';
import { describeError, formatDate, translated, type Connection } from '@coworking-commons/elements';
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { pick } from '../i18n/messages.ts';
import { consoleTheme, formStyles, sectionStyles } from '../shell/console.styles.ts';
import { loadError } from '../shell/templates.ts';
import { eventsStyles } from './events.styles.ts';
import * as catalogues from './messages.ts';

type SpaceEvent = components['schemas']['Event'];
type Registration = components['schemas']['Registration'];

const order = { registered: 0, waitlisted: 1, cancelled: 2 } as const;

/**
 * The registrations to one event: those with a seat, then the waiting list in its order, then the
 * cancelled ones, with each person's name, email, note and when they registered.
 *
 * @summary The staff list of an event's registrations.
 */
export class CoworkConsoleEventRegistrations extends LitElement {
  static override styles = [consoleTheme, formStyles, sectionStyles, eventsStyles];
  static override properties = {
    connection: { attribute: false },
    event: { attribute: false },
    locale: { type: String },
    _registrations: { state: true },
    _loading: { state: true },
    _error: { state: true },
    _exporting: { state: true },
  };

  declare connection: Connection | undefined;
  declare event: SpaceEvent | undefined;
  declare locale: string;
  declare _registrations: Registration[];
  declare _loading: boolean;
  declare _error: string | undefined;
  declare _exporting: boolean;

  constructor() {
    super();
    this.locale = 'en';
    this._registrations = [];
    this._loading = false;
    this._exporting = false;
  }

  get messages(): catalogues.EventsMessages {
    return pick(catalogues, this.locale);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('event') || changed.has('connection')) && this.connection && this.event) void this.#load();
  }

  protected override firstUpdated(): void {
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  async #load(): Promise<void> {
    const connection = this.connection!;
    const event = this.event!;
    this._loading = true;
    this._error = undefined;
    try {
      const registrations: Registration[] = [];
      for await (const registration of paginate(listRegistrations, connection.client, { path: { spaceId: connection.spaceId }, query: { eventId: event.id, limit: 100 } })) registrations.push(registration);
      this._registrations = registrations.sort((a, b) => order[a.status] - order[b.status] || (a.waitlistPosition ?? 0) - (b.waitlistPosition ?? 0) || a.createdAt.localeCompare(b.createdAt));
    } catch (error) {
      this._error = describeError(error).message;
    } finally {
      this._loading = false;
    }
  }

  /** Downloads the server's CSV of the registrations (with the byte order mark spreadsheets need to read it as UTF-8). */
  async #export(): Promise<void> {
    const connection = this.connection!;
    const event = this.event!;
    this._exporting = true;
    this._error = undefined;
    try {
      const { data } = await exportEventRegistrations(connection.client, { path: { spaceId: connection.spaceId, eventId: event.id } });
      const text = String(data);
      const url = URL.createObjectURL(new Blob([text.startsWith('\ufeff') ? text : `\ufeff${text}`], { type: 'text/csv;charset=utf-8' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = `registrations-${event.id}.csv`;
      link.hidden = true;
      this.renderRoot.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (error) {
      this._error = describeError(error).message;
    } finally {
      this._exporting = false;
    }
  }

  protected override render() {
    const m = this.messages;
    const event = this.event;
    if (!event) return nothing;
    const o = { locale: this.locale, timeZone: this.connection?.state.space?.timeZone ?? 'UTC' };
    const registered = this._registrations.filter((r) => r.status === 'registered').length;
    const waitlisted = this._registrations.filter((r) => r.status === 'waitlisted').length;
    return html`
      <section class="registrations" aria-labelledby="registrations-heading">
        <div class="toolbar">
          <h2 id="registrations-heading" tabindex="-1">${m.registrationsHeading(translated(event, 'title', this.locale))}</h2>
          <div class="actions">
            <button class="button export" type="button" ?disabled=${this._exporting || this._registrations.length === 0} @click=${() => this.#export()}>${this._exporting ? m.exporting : m.exportCsv}</button>
            <button class="button" type="button" @click=${() => this.dispatchEvent(new CustomEvent('event-closed', { bubbles: true, composed: true }))}>${m.back}</button>
          </div>
        </div>
        ${loadError(this._error, m.retry, () => this.#load())}
        ${this._loading && this._registrations.length === 0
          ? html`<p class="muted">${m.loading}</p>`
          : html`
              <p>${m.registered(registered)}${event.capacity ? html` · ${m.seats(registered, event.capacity)}` : nothing}${waitlisted > 0 ? html` · ${m.waitlisted(waitlisted)}` : nothing}</p>
              ${this._registrations.length === 0
                ? html`<p class="muted">${m.noRegistrations}</p>`
                : html`<div class="table-scroll" tabindex="0" role="region" aria-labelledby="registrations-heading">
                    <table>
                      <thead>
                        <tr>
                          <th scope="col">${m.name}</th>
                          <th scope="col">${m.email}</th>
                          <th scope="col">${m.status}</th>
                          <th scope="col">${m.note}</th>
                          <th scope="col">${m.registeredAt}</th>
                        </tr>
                      </thead>
                      <tbody>
                        ${this._registrations.map(
                          (r) => html`<tr class=${r.status} data-registration=${r.id}>
                            <th scope="row">${r.registrant.name} <span class="muted">(${r.registrant.kind === 'member' ? m.member : m.guest})</span></th>
                            <td>${r.registrant.email ?? ''}</td>
                            <td>${r.status === 'waitlisted' && r.waitlistPosition ? m.waitlistPosition(r.waitlistPosition) : (m.statuses[r.status] ?? r.status)}</td>
                            <td>${r.note ?? ''}</td>
                            <td>${formatDate(r.createdAt, o, 'medium')}</td>
                          </tr>`,
                        )}
                      </tbody>
                    </table>
                  </div>`}
            `}
      </section>
    `;
  }
}
