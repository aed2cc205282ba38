import type { DefineComponent } from "vue";
import type {
  CoworkEventMap,
  CoworkBooking,
  CoworkEventCalendar,
  CoworkMemberCard,
  CoworkMemberDirectory,
  CoworkMyBookings,
  CoworkSignIn,
  CoworkSpace,
} from "@coworking-commons/elements";

type CoworkBookingProps = {
  /** The API base URL, when not inside `<cowork-space>`. */
  api?: CoworkBooking["api"];
  /** The space id, when not inside `<cowork-space>`. */
  space?: CoworkBooking["space"];
  /** Where a member's token is kept: `session` (default, this tab) or `memory`. */
  storage?: CoworkBooking["storage"];
  /** A resource id: book this resource only (the choice step is skipped). */
  resource?: CoworkBooking["resource"];
  /** A resource type (`meeting_room`, `hot_desk`…): offer only resources of this type. */
  type?: CoworkBooking["type"];
  /** A date to start with, `YYYY-MM-DD` in the space's time zone. */
  date?: CoworkBooking["date"];
  /** A duration to start with, ISO 8601 (`PT1H`), when the resource allows it. */
  duration?: CoworkBooking["duration"];
  /** The language (`fr`, `en`); otherwise the nearest ancestor's, then the page's. */
  lang?: string;
  /** `light` or `dark` to force a colour scheme; otherwise the visitor's preference. */
  theme?: string;
  /** A fetch implementation to use instead of the global one (tests, Storybook). */
  fetch?: CoworkBooking["fetch"];
  /** The server made the booking (`detail.booking`; `status` is `pending` when the staff must approve it). Never sent before the server answered. */
  onCoworkBookingConfirmed?: (e: CustomEvent<CoworkEventMap["cowork-booking-confirmed"]>) => void;
  /** The booking was cancelled (`detail.booking`). */
  onCoworkBookingCancelled?: (e: CustomEvent<CoworkEventMap["cowork-booking-cancelled"]>) => void;
  /** Something failed (`detail`: operation, kind, message, problem, error). */
  onCoworkError?: (e: CustomEvent<CoworkEventMap["cowork-error"]>) => void;
};

type CoworkEventCalendarProps = {
  /** The API base URL, when not inside `<cowork-space>`. */
  api?: CoworkEventCalendar["api"];
  /** The space id, when not inside `<cowork-space>`. */
  space?: CoworkEventCalendar["space"];
  /** Where a member's token is kept: `session` (default, this tab) or `memory`. */
  storage?: CoworkEventCalendar["storage"];
  /** The view to show first (`month`, `week`, `list`). */
  view?: CoworkEventCalendar["view"];
  /** A date in the period to show first (`YYYY-MM-DD`). */
  date?: CoworkEventCalendar["date"];
  /** A tag to filter by first. */
  tag?: CoworkEventCalendar["tag"];
  /** The time zone of events given by the page when there is no space. */
  "time-zone"?: CoworkEventCalendar["timeZone"];
  /** The language (`fr`, `en`); otherwise the nearest ancestor's, then the page's. */
  lang?: string;
  /** `light` or `dark` to force a colour scheme; otherwise the visitor's preference. */
  theme?: string;
  /**  */
  fetch?: CoworkEventCalendar["fetch"];
  /** Events given by the page (the spec's `Event` objects): shown instead of fetching them. */
  events?: CoworkEventCalendar["events"];
  /** The view shown. */
  currentView?: CoworkEventCalendar["currentView"];
  /** The date the view is anchored on (`YYYY-MM-DD`). */
  currentDate?: CoworkEventCalendar["currentDate"];
  /** An event was opened (`detail.event`). Cancelable: `preventDefault()` keeps the calendar's dialog closed (to show the event elsewhere). */
  onCoworkEventSelected?: (e: CustomEvent<CoworkEventMap["cowork-event-selected"]>) => void;
  /** The server registered the visitor (`detail.registration`, `status` `registered` or `waitlisted`; `detail.event`). */
  onCoworkRegistrationConfirmed?: (e: CustomEvent<CoworkEventMap["cowork-registration-confirmed"]>) => void;
  /** The visitor's registration was cancelled (`detail.registration`, `detail.event`). */
  onCoworkRegistrationCancelled?: (e: CustomEvent<CoworkEventMap["cowork-registration-cancelled"]>) => void;
  /** Something failed (`detail`: operation, kind, message, problem, error). */
  onCoworkError?: (e: CustomEvent<CoworkEventMap["cowork-error"]>) => void;
};

type CoworkMemberCardProps = {
  /** The API base URL, when not inside `<cowork-space>`. */
  api?: CoworkMemberCard["api"];
  /** The space id, when not inside `<cowork-space>`. */
  space?: CoworkMemberCard["space"];
  /** Where a member's token is kept: `session` (default, this tab) or `memory`. */
  storage?: CoworkMemberCard["storage"];
  /** A member id (fetched), or the card itself (shown as is, no request). */
  member?: CoworkMemberCard["member"];
  /** `full` (default: everything) or `compact` (picture, name, headline, company, a few skills, link icons). */
  variant?: CoworkMemberCard["variant"];
  /** The level of the name's heading for assistive technologies (default 3). */
  "heading-level"?: CoworkMemberCard["headingLevel"];
  /** Never offer editing, even on the signed-in member's own card. */
  readonly?: CoworkMemberCard["readonly"];
  /** The language (`fr`, `en`); otherwise the nearest ancestor's, then the page's. */
  lang?: string;
  /** `light` or `dark` to force a colour scheme; otherwise the visitor's preference. */
  theme?: string;
  /**  */
  fetch?: CoworkMemberCard["fetch"];
  /** The member saved their card and the server confirmed it (`detail: { member, listed }`; `listed`: whether the card is in the directory). */
  onCoworkMemberUpdated?: (e: CustomEvent<CoworkEventMap["cowork-member-updated"]>) => void;
  /** Something failed (`detail`: operation, kind, message, problem, error). */
  onCoworkError?: (e: CustomEvent<CoworkEventMap["cowork-error"]>) => void;
};

type CoworkMemberDirectoryProps = {
  /** The API base URL, when not inside `<cowork-space>`. */
  api?: CoworkMemberDirectory["api"];
  /** The space id, when not inside `<cowork-space>`. */
  space?: CoworkMemberDirectory["space"];
  /** Where a member's token is kept: `session` (default, this tab) or `memory`. */
  storage?: CoworkMemberDirectory["storage"];
  /** Words to search for at first. */
  q?: CoworkMemberDirectory["q"];
  /** A skill to filter by at first (`ux-design`). */
  skill?: CoworkMemberDirectory["skill"];
  /** Cards per page (1–100, default 24). */
  "page-size"?: CoworkMemberDirectory["pageSize"];
  /** Load further pages only with the "Load more members" button (so the content after the directory stays reachable). */
  "no-infinite-scroll"?: CoworkMemberDirectory["noInfiniteScroll"];
  /** The heading; defaults to "Member directory". An empty value shows no heading. */
  heading?: CoworkMemberDirectory["heading"];
  /** The language (`fr`, `en`); otherwise the nearest ancestor's, then the page's. */
  lang?: string;
  /** `light` or `dark` to force a colour scheme; otherwise the visitor's preference. */
  theme?: string;
  /**  */
  fetch?: CoworkMemberDirectory["fetch"];
  /** From a card: the signed-in member saved their card (`detail: { member, listed }`). */
  onCoworkMemberUpdated?: (e: CustomEvent<CoworkEventMap["cowork-member-updated"]>) => void;
  /** From the embedded sign-in (members-only directory). */
  onCoworkSignedIn?: (e: CustomEvent<CoworkEventMap["cowork-signed-in"]>) => void;
  /** Something failed (`detail`: operation, kind, message, problem, error). */
  onCoworkError?: (e: CustomEvent<CoworkEventMap["cowork-error"]>) => void;
};

type CoworkMyBookingsProps = {
  /** The API base URL (when not inside a `<cowork-space>`). */
  api?: CoworkMyBookings["api"];
  /** The space id (when not inside a `<cowork-space>`). */
  space?: CoworkMyBookings["space"];
  /** Where the token is kept: `session` (default) or `memory`. */
  storage?: CoworkMyBookings["storage"];
  /** The heading text; defaults to "My bookings". An empty value shows no heading. */
  heading?: CoworkMyBookings["heading"];
  /** `light` or `dark` to override the visitor's preference. */
  theme?: CoworkMyBookings["theme"];
  /** The language (`en`, `fr`); defaults to the nearest ancestor's, then the page's. */
  lang?: string;
  /** A fetch implementation to use instead of the global one (tests, Storybook). */
  fetch?: CoworkMyBookings["fetch"];
  /** A booking was cancelled. `detail: { booking }`. */
  onCoworkBookingCancelled?: (e: CustomEvent<CoworkEventMap["cowork-booking-cancelled"]>) => void;
  /** From the embedded sign-in. */
  onCoworkSignedIn?: (e: CustomEvent<CoworkEventMap["cowork-signed-in"]>) => void;
  /** From the embedded sign-in. */
  onCoworkSignedOut?: (e: CustomEvent<CoworkEventMap["cowork-signed-out"]>) => void;
  /** A request failed. `detail: { operation, kind, message, problem, error }`. */
  onCoworkError?: (e: CustomEvent<CoworkEventMap["cowork-error"]>) => void;
};

type CoworkSignInProps = {
  /** The API base URL (when not inside a `<cowork-space>`). */
  api?: CoworkSignIn["api"];
  /** The space id (when not inside a `<cowork-space>`). */
  space?: CoworkSignIn["space"];
  /** Where the token is kept: `session` (default) or `memory`. */
  storage?: CoworkSignIn["storage"];
  /** The heading text; defaults to "Sign in". An empty value shows no heading. */
  heading?: CoworkSignIn["heading"];
  /** `light` or `dark` to override the visitor's preference. */
  theme?: CoworkSignIn["theme"];
  /** The language (`en`, `fr`); defaults to the nearest ancestor's, then the page's. */
  lang?: string;
  /** A fetch implementation to use instead of the global one (tests, Storybook). */
  fetch?: CoworkSignIn["fetch"];
  /** The member signed in. `detail: { member, expiresAt, spaceId }`. */
  onCoworkSignedIn?: (e: CustomEvent<CoworkEventMap["cowork-signed-in"]>) => void;
  /** The member signed out with this element's button (`reason: 'user'`). When the server stops accepting the token, the `<cowork-space>` (or the first element using that API and space) dispatches it with `reason: 'expired'`. `detail: { member, reason, spaceId }`. */
  onCoworkSignedOut?: (e: CustomEvent<CoworkEventMap["cowork-signed-out"]>) => void;
  /** A request failed. `detail: { operation, kind, message, problem, error }`. */
  onCoworkError?: (e: CustomEvent<CoworkEventMap["cowork-error"]>) => void;
};

type CoworkSpaceProps = {
  /** The API base URL. */
  api?: CoworkSpace["api"];
  /** The space id. */
  space?: CoworkSpace["space"];
  /** `session` (default) or `memory`. */
  storage?: CoworkSpace["storage"];
  /** A fetch implementation to use instead of the global one (tests, Storybook). */
  fetch?: CoworkSpace["fetch"];
  /** The space's state: the Space document once loaded, loading, error, features. */
  state?: CoworkSpace["state"];
  /** The session (sign-in token) of this API and space. */
  session?: CoworkSpace["session"];
  /** The signed-in member, or null. */
  member?: CoworkSpace["member"];
};

export type CustomElements = {
  /**
   * The booking widget: the whole journey of booking a resource of a coworking space, in the page.
   * Choose a resource (or have one preset), pick a date in the calendar, a duration and a start time
   * among those still free, see the price the server quotes, book as the signed-in member or as a
   * guest (or sign in on the spot), then get a confirmation with an "add to my calendar" download
   * and a way to cancel. A time taken by someone else meanwhile ends in a clear message and the
   * fresh list of times; a retry after a network failure never books twice.
   *
   * Works inside `<cowork-space>` or alone with its own `api` and `space` attributes.
   * ---
   *
   *
   * ### **Events:**
   *  - **cowork-booking-confirmed** - The server made the booking (`detail.booking`; `status` is `pending` when the staff must approve it). Never sent before the server answered.
   * - **cowork-booking-cancelled** - The booking was cancelled (`detail.booking`).
   * - **cowork-error** - Something failed (`detail`: operation, kind, message, problem, error).
   *
   * ### **CSS Properties:**
   *  - **--cowork-color-accent** - Buttons, the selected day and time. _(default: undefined)_
   * - **--cowork-color-on-accent** - Text on the accent colour. _(default: undefined)_
   * - **--cowork-color-surface** - The background. _(default: undefined)_
   * - **--cowork-color-surface-raised** - Cards and panels. _(default: undefined)_
   * - **--cowork-color-text** - Text. _(default: undefined)_
   * - **--cowork-color-muted** - Secondary text. _(default: undefined)_
   * - **--cowork-color-border** - Borders of fields and buttons. _(default: undefined)_
   * - **--cowork-color-danger** - Errors. _(default: undefined)_
   * - **--cowork-color-success** - Confirmation. _(default: undefined)_
   * - **--cowork-color-focus** - The focus ring. _(default: undefined)_
   * - **--cowork-font-family** - The font. _(default: undefined)_
   * - **--cowork-font-size** - The base font size. _(default: undefined)_
   * - **--cowork-radius** - Corner radius. _(default: undefined)_
   * - **--cowork-space-1** - Spacing, smallest (`--cowork-space-2` … `--cowork-space-4` larger). _(default: undefined)_
   *
   * ### **CSS Parts:**
   *  - **base** - The widget's frame.
   * - **title** - The widget's heading ("Book at La Ruche").
   * - **progress** - "Step 2 of 3".
   * - **step-heading** - Each step's heading.
   * - **resource** - A resource card.
   * - **resource-photo** - A resource's photo.
   * - **choose-button** - A resource card's button.
   * - **calendar** - The date picker.
   * - **month-button** - The previous and next month buttons.
   * - **day** - A day of the month.
   * - **day-selected** - The picked day.
   * - **duration** - The duration select.
   * - **times** - The group of start times.
   * - **time** - A start time.
   * - **summary** - The summary of the booking (review and confirmation).
   * - **price** - The quoted price.
   * - **form** - The booker's form.
   * - **submit-button** - The button that books.
   * - **confirmation** - The confirmation.
   * - **calendar-button** - "Add to my calendar".
   * - **cancel-button** - The buttons that cancel the booking.
   * - **notice** - A message about the step (a time taken meanwhile, an error).
   * - **retry-button** - "Try again".
   * - **state** - A loading, empty, error or offline state (also `loading`, `empty`, `error`, `offline`).
   */
  "cowork-booking": DefineComponent<CoworkBookingProps>;

  /**
   * The space's events in a month, week or list view, with registration.
   * ---
   *
   *
   * ### **Events:**
   *  - **cowork-event-selected** - An event was opened (`detail.event`). Cancelable: `preventDefault()` keeps the calendar's dialog closed (to show the event elsewhere).
   * - **cowork-registration-confirmed** - The server registered the visitor (`detail.registration`, `status` `registered` or `waitlisted`; `detail.event`).
   * - **cowork-registration-cancelled** - The visitor's registration was cancelled (`detail.registration`, `detail.event`).
   * - **cowork-error** - Something failed (`detail`: operation, kind, message, problem, error).
   *
   * ### **Methods:**
   *  - **setView(view: _CalendarView_): _void_** - Shows another view (keeping the date).
   *
   * ### **Slots:**
   *  - _default_ - Nothing: the calendar renders everything itself.
   *
   * ### **CSS Properties:**
   *  - **--cowork-color-accent** - Events, buttons, today. _(default: undefined)_
   * - **--cowork-color-on-accent** - Text on the accent colour. _(default: undefined)_
   * - **--cowork-color-surface** - The background. _(default: undefined)_
   * - **--cowork-color-surface-raised** - Days of other months, panels. _(default: undefined)_
   * - **--cowork-color-text** - Text. _(default: undefined)_
   * - **--cowork-color-muted** - Secondary text. _(default: undefined)_
   * - **--cowork-color-border** - Grid lines and borders. _(default: undefined)_
   * - **--cowork-color-danger** - Errors and cancelled events. _(default: undefined)_
   * - **--cowork-color-success** - Confirmations. _(default: undefined)_
   * - **--cowork-color-focus** - The focus ring. _(default: undefined)_
   * - **--cowork-font-family** - The font. _(default: undefined)_
   * - **--cowork-font-size** - The base font size. _(default: undefined)_
   * - **--cowork-radius** - Corner radius. _(default: undefined)_
   * - **--cowork-space-1** - Spacing, smallest (`--cowork-space-2` … `--cowork-space-4` larger). _(default: undefined)_
   *
   * ### **CSS Parts:**
   *  - **base** - The calendar's frame.
   * - **toolbar** - Navigation, the period's title and the view buttons.
   * - **title** - The period's title ("March 2026").
   * - **nav-button** - Previous, today and next.
   * - **view-button** - The month, week and list buttons.
   * - **filter** - The topic filter.
   * - **month** - The month grid.
   * - **week** - The week's time grid.
   * - **list** - The list of events.
   * - **subscribe** - The "Subscribe" disclosure.
   * - **dialog** - The event's dialog; `close-button`, `registration`, `form`, `register-button`, `cancel-button`, `calendar-button` its pieces.
   * - **state** - Loading, empty, error, offline and unsupported states (with `loading`, `empty`, `error`, `offline`, `unsupported`, `retry-button`).
   */
  "cowork-event-calendar": DefineComponent<CoworkEventCalendarProps>;

  /**
   * A member's public card, editable by its member.
   * ---
   *
   *
   * ### **Events:**
   *  - **cowork-member-updated** - The member saved their card and the server confirmed it (`detail: { member, listed }`; `listed`: whether the card is in the directory).
   * - **cowork-error** - Something failed (`detail`: operation, kind, message, problem, error).
   *
   * ### **Slots:**
   *  - **actions** - Buttons or links of the page shown at the bottom of the card (such as "Write to Camille").
   *
   * ### **CSS Properties:**
   *  - **--cowork-color-accent** - Links, buttons and skill tags. _(default: undefined)_
   * - **--cowork-color-on-accent** - Text on the accent colour. _(default: undefined)_
   * - **--cowork-color-surface** - The background of fields. _(default: undefined)_
   * - **--cowork-color-surface-raised** - The card's background. _(default: undefined)_
   * - **--cowork-color-text** - Text. _(default: undefined)_
   * - **--cowork-color-muted** - Secondary text. _(default: undefined)_
   * - **--cowork-color-border** - The card's border, fields and buttons. _(default: undefined)_
   * - **--cowork-color-danger** - Errors. _(default: undefined)_
   * - **--cowork-color-focus** - The focus ring. _(default: undefined)_
   * - **--cowork-font-family** - The font. _(default: undefined)_
   * - **--cowork-font-size** - The base font size. _(default: undefined)_
   * - **--cowork-radius** - Corner radius. _(default: undefined)_
   * - **--cowork-space-1** - Spacing, smallest (`--cowork-space-2` … `--cowork-space-4` larger). _(default: undefined)_
   * - **--cowork-avatar-size** - The picture's size (default 5em, 3em in the compact variant). _(default: undefined)_
   *
   * ### **CSS Parts:**
   *  - **base** - The card.
   * - **avatar** - The picture, or the generated initials.
   * - **initials** - The generated initials (a member without a picture).
   * - **name** - The member's name.
   * - **headline** - The headline.
   * - **company** - The company.
   * - **bio** - The "about" text (full variant).
   * - **skills** - The list of skills.
   * - **skill** - One skill.
   * - **links** - The list of links.
   * - **link** - One link.
   * - **since** - "Member since …" (full variant).
   * - **edit-button** - "Edit my card" (own card only).
   * - **form** - The editor.
   * - **save-button** - The editor's save button.
   * - **state** - Loading, empty and error states (with `loading`, `empty`, `error`, `retry-button`).
   */
  "cowork-member-card": DefineComponent<CoworkMemberCardProps>;

  /**
   * The member directory of a space, with search, skill filter and pages.
   * ---
   *
   *
   * ### **Events:**
   *  - **cowork-member-updated** - From a card: the signed-in member saved their card (`detail: { member, listed }`).
   * - **cowork-signed-in** - From the embedded sign-in (members-only directory).
   * - **cowork-error** - Something failed (`detail`: operation, kind, message, problem, error).
   *
   * ### **Slots:**
   *  - **empty** - Shown under the "no member is in the directory yet" message (such as how to join it).
   *
   * ### **CSS Properties:**
   *  - **--cowork-color-accent** - Buttons, links and skill tags. _(default: undefined)_
   * - **--cowork-color-on-accent** - Text on the accent colour. _(default: undefined)_
   * - **--cowork-color-surface** - The background. _(default: undefined)_
   * - **--cowork-color-surface-raised** - The cards. _(default: undefined)_
   * - **--cowork-color-text** - Text. _(default: undefined)_
   * - **--cowork-color-muted** - Secondary text. _(default: undefined)_
   * - **--cowork-color-border** - Fields, buttons and cards. _(default: undefined)_
   * - **--cowork-color-danger** - Errors. _(default: undefined)_
   * - **--cowork-color-focus** - The focus ring. _(default: undefined)_
   * - **--cowork-font-family** - The font. _(default: undefined)_
   * - **--cowork-font-size** - The base font size. _(default: undefined)_
   * - **--cowork-radius** - Corner radius. _(default: undefined)_
   * - **--cowork-space-1** - Spacing, smallest (`--cowork-space-2` … `--cowork-space-4` larger). _(default: undefined)_
   * - **--cowork-directory-column** - The narrowest a column of cards gets (default 17em). _(default: undefined)_
   *
   * ### **CSS Parts:**
   *  - **base** - The directory.
   * - **heading** - The heading.
   * - **search** - The search form.
   * - **search-input** - The search field.
   * - **skill-select** - The skill filter.
   * - **count** - How many members are shown.
   * - **list** - The list of cards.
   * - **card** - Each `<cowork-member-card>`.
   * - **card-base** - Inside each card: the card's frame (its part `base`).
   * - **card-avatar** - Inside each card: the picture or initials.
   * - **card-name** - Inside each card: the name.
   * - **card-skill** - Inside each card: a skill.
   * - **card-link** - Inside each card: a link.
   * - **load-more** - The "Load more members" button.
   * - **invite** - The invitation to sign in (members-only directory).
   * - **sign-in** - The embedded `<cowork-sign-in>` of the invitation.
   * - **state** - Loading, empty, error, offline and unsupported states (with `loading`, `empty`, `error`, `offline`, `unsupported`, `retry-button`).
   */
  "cowork-member-directory": DefineComponent<CoworkMemberDirectoryProps>;

  /**
   * A member's upcoming bookings, with cancellation.
   * ---
   *
   *
   * ### **Events:**
   *  - **cowork-booking-cancelled** - A booking was cancelled. `detail: { booking }`.
   * - **cowork-signed-in** - From the embedded sign-in.
   * - **cowork-signed-out** - From the embedded sign-in.
   * - **cowork-error** - A request failed. `detail: { operation, kind, message, problem, error }`.
   *
   * ### **Methods:**
   *  - **reload(): _Promise<void>_** - Fetches the upcoming bookings again.
   *
   * ### **Slots:**
   *  - **empty** - Shown under the "no upcoming bookings" message, such as a link to the booking page.
   *
   * ### **CSS Properties:**
   *  - **--cowork-color-accent** - The main buttons' colour. _(default: undefined)_
   * - **--cowork-color-surface** - The background. _(default: undefined)_
   * - **--cowork-color-text** - The text colour. _(default: undefined)_
   * - **--cowork-color-muted** - Secondary text. _(default: undefined)_
   * - **--cowork-color-danger** - Errors and the cancel buttons. _(default: undefined)_
   * - **--cowork-color-success** - The "confirmed" status. _(default: undefined)_
   * - **--cowork-font-family** - The font. _(default: undefined)_
   * - **--cowork-radius** - Corner radius. _(default: undefined)_
   *
   * ### **CSS Parts:**
   *  - **base** - The container.
   * - **heading** - The heading.
   * - **list** - The list of bookings.
   * - **booking** - One booking.
   * - **status** - A booking's status.
   * - **cancel-button** - A booking's cancel button.
   * - **confirm** - The confirmation step of a cancellation.
   * - **sign-in** - The embedded `<cowork-sign-in>` (signed out).
   * - **state** - The loading, empty, error and offline states.
   */
  "cowork-my-bookings": DefineComponent<CoworkMyBookingsProps>;

  /**
   * Sign-in of a member with an emailed one-time code.
   * ---
   *
   *
   * ### **Events:**
   *  - **cowork-signed-in** - The member signed in. `detail: { member, expiresAt, spaceId }`.
   * - **cowork-signed-out** - The member signed out with this element's button (`reason: 'user'`). When the server stops accepting the token, the `<cowork-space>` (or the first element using that API and space) dispatches it with `reason: 'expired'`. `detail: { member, reason, spaceId }`.
   * - **cowork-error** - A request failed. `detail: { operation, kind, message, problem, error }`.
   *
   * ### **Methods:**
   *  - **focus(options: _FocusOptions_): _void_** - Moves the focus into the element: the field of the current step, or the sign-out button.
   *
   * ### **CSS Properties:**
   *  - **--cowork-color-accent** - The main buttons' colour. _(default: undefined)_
   * - **--cowork-color-surface** - The background. _(default: undefined)_
   * - **--cowork-color-text** - The text colour. _(default: undefined)_
   * - **--cowork-color-muted** - Secondary text. _(default: undefined)_
   * - **--cowork-color-danger** - Errors. _(default: undefined)_
   * - **--cowork-font-family** - The font. _(default: undefined)_
   * - **--cowork-radius** - Corner radius. _(default: undefined)_
   *
   * ### **CSS Parts:**
   *  - **base** - The container.
   * - **heading** - The heading.
   * - **form** - The email form and the code form.
   * - **input** - The email and code inputs.
   * - **submit-button** - The button that sends the email or the code.
   * - **error** - An error message.
   * - **signed-in** - The signed-in summary.
   * - **sign-out-button** - The sign-out button.
   */
  "cowork-sign-in": DefineComponent<CoworkSignInProps>;

  /**
   * The space provider for every `cowork-*` element inside it.
   * ---
   *
   *
   * ### **Slots:**
   *  - _default_ - The elements (and any other content) that use this space.
   */
  "cowork-space": DefineComponent<CoworkSpaceProps>;
};

declare module "vue" {
  // eslint-disable-next-line @typescript-eslint/no-empty-interface
  interface GlobalComponents extends CustomElements {}
}

