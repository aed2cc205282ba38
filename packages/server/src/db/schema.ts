// The database's tables, as Kysely sees them. The same on SQLite and PostgreSQL: instants are
// epoch milliseconds (BIGINT), booleans are 0/1 integers, and documents that the server reads
// whole are JSON text, so that one set of queries serves both databases.
import type { Generated } from 'kysely';
import type { WebhookTables } from './schema-webhooks.ts';

export interface SpacesTable {
  id: string;
  /** The Space document (without id), as JSON. */
  document: string;
  /** CORS: origins allowed to call this space's API from a browser, as a JSON array. */
  allowed_origins: string;
  created_at: number;
  updated_at: number;
  /** Raised by one on every change; the ETag (see migration 005). */
  version: Generated<number>;
}

export interface ResourcesTable {
  id: string;
  space_id: string;
  type: string;
  status: string;
  quantity: number;
  /** The longest interval any unit of the resource blocks, in ms; kept by the database (see migration 003). */
  longest_block: Generated<number>;
  position: number;
  /** The Resource document (without id), as JSON. */
  document: string;
  created_at: number;
  updated_at: number;
  /** Raised by one on every change; the ETag (see migration 005). */
  version: Generated<number>;
}

export interface PlansTable {
  id: string;
  space_id: string;
  position: number;
  document: string;
  created_at: number;
  updated_at: number;
  /** Raised by one on every change; the ETag (see migration 005). */
  version: Generated<number>;
}

export interface MembersTable {
  id: string;
  space_id: string;
  /** Lower-cased; unique within a space. Null once erased. */
  email: string | null;
  display_name: string;
  status: string;
  /** `member`, `staff` or `admin`. */
  role: Generated<string>;
  directory_consent: number;
  /** Text the directory search looks in: name, company, headline and skills, lower-cased. */
  search_text: string;
  /** The rest of the Member document (card fields, phone), as JSON. */
  document: string;
  member_since: string;
  created_at: number;
  updated_at: number;
  /** Raised by one on every change; the ETag (see migration 005). */
  version: Generated<number>;
  /** The organisation the member belongs to (migration 006). */
  organisation_id: Generated<string | null>;
}

export interface OrganisationsTable {
  id: string;
  space_id: string;
  name: string;
  /** The rest of the Organisation document (legal name, numbers, billing email, address, extensions), as JSON. */
  document: string;
  created_at: number;
  updated_at: number;
  version: Generated<number>;
}

export interface MembershipsTable {
  id: string;
  space_id: string;
  /** `member` or `organisation`. */
  holder_type: string;
  holder_id: string;
  plan_id: string;
  /** As stored; an `active` or `paused` one whose end date has passed reads as `ended`. */
  status: string;
  /** Local dates, `YYYY-MM-DD`. */
  start_date: string;
  end_date: string | null;
  /** A change of plan waiting for its date (the first day of a later period). */
  pending_plan_id: string | null;
  pending_date: string | null;
  /** price, period, periodAnchor, the pending change's price and period, extensions, as JSON. */
  document: string;
  created_at: number;
  updated_at: number;
  version: Generated<number>;
}

export interface MemberTokensTable {
  token_hash: string;
  space_id: string;
  member_id: string;
  expires_at: number;
  created_at: number;
}

export interface SignInCodesTable {
  id: string;
  space_id: string;
  email: string;
  code_hash: string;
  attempts: number;
  expires_at: number;
  used_at: number | null;
  created_at: number;
}

export interface ApiKeysTable {
  id: string;
  space_id: string;
  name: string;
  prefix: string;
  secret_hash: string;
  created_at: number;
  last_used_at: number | null;
  revoked_at: number | null;
  /** The key's scopes, as a JSON array. */
  scopes: string;
  expires_at: number | null;
}

export interface BookingsTable {
  id: string;
  space_id: string;
  resource_id: string;
  member_id: string | null;
  guest_name: string | null;
  guest_email: string | null;
  guest_token_hash: string | null;
  start_at: number;
  end_at: number;
  quantity: number;
  attendees: number;
  title: string | null;
  notes: string | null;
  price_amount: number;
  price_currency: string;
  status: string;
  version: number;
  /** x- extension properties sent by the client, as JSON. */
  extensions: string;
  created_at: number;
  updated_at: number;
  cancelled_at: number | null;
  cancelled_by: string | null;
  cancellation_reason: string | null;
  /** The credits debited for a booking priced in credits (migration 007). */
  credits: number | null;
}

/**
 * The units a booking occupies, with its buffers: one row per unit of a pooled resource. The
 * database refuses two rows of the same resource and unit whose intervals overlap (an exclusion
 * constraint on PostgreSQL, a trigger on SQLite): that is what makes double booking impossible.
 */
export interface BookingUnitsTable {
  booking_id: string;
  resource_id: string;
  unit: number;
  block_start: number;
  block_end: number;
}

export interface EventsTable {
  id: string;
  space_id: string;
  start_at: number;
  end_at: number;
  visibility: string;
  status: string;
  capacity: number | null;
  tags: string;
  document: string;
  created_at: number;
  updated_at: number;
  /** Raised by one on every change; the ETag (see migration 005). */
  version: Generated<number>;
}

export interface RegistrationsTable {
  id: string;
  space_id: string;
  event_id: string;
  member_id: string | null;
  guest_name: string | null;
  guest_email: string | null;
  guest_token_hash: string | null;
  status: string;
  note: string | null;
  created_at: number;
  updated_at: number;
  cancelled_at: number | null;
  cancellation_reason: string | null;
}

export interface IdempotencyKeysTable {
  space_id: string;
  /** Who sent it: `member:<id>`, `staff:<keyId>` or `guest`. Keys are scoped to their caller. */
  caller: string;
  key: string;
  operation: string;
  request_hash: string;
  status_code: number;
  response_body: string;
  response_headers: string;
  created_at: number;
}

/** Staff writes, one row each; append-only (the database refuses UPDATE and DELETE). */
export interface AuditLogTable {
  /** The order of the writes (a sequence), also among those of one millisecond. */
  seq: Generated<number>;
  id: string;
  space_id: string;
  at: number;
  /** `apiKey` or `person`. */
  actor_type: string;
  actor_id: string;
  /** The operationId. */
  operation: string;
  resource_type: string;
  resource_id: string;
  /** The changed fields' values before and after, as JSON objects; null before a creation, after a deletion. */
  before: string | null;
  after: string | null;
}

export interface Database extends WebhookTables {
  spaces: SpacesTable;
  resources: ResourcesTable;
  plans: PlansTable;
  members: MembersTable;
  member_tokens: MemberTokensTable;
  sign_in_codes: SignInCodesTable;
  api_keys: ApiKeysTable;
  bookings: BookingsTable;
  booking_units: BookingUnitsTable;
  events: EventsTable;
  registrations: RegistrationsTable;
  idempotency_keys: IdempotencyKeysTable;
  audit_log: AuditLogTable;
  organisations: OrganisationsTable;
  memberships: MembershipsTable;
  credit_entries: CreditEntriesTable;
}

/** One entry of a member's or an organisation's credit ledger (migration 007), never changed. */
export interface CreditEntriesTable {
  id: string;
  space_id: string;
  /** `member` or `organisation`. */
  holder_type: string;
  holder_id: string;
  /** `grant`, `adjustment`, `debit` or `reversal`. */
  kind: string;
  amount: number;
  reason: string;
  membership_id: string | null;
  period_start: string | null;
  period_end: string | null;
  booking_id: string | null;
  reverses: string | null;
  actor_type: string | null;
  actor_id: string | null;
  expires_at: number | null;
  created_at: number;
  /** The order of writing within the ledger (ties of `created_at`). */
  seq: number;
}
