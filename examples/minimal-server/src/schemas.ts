// The request bodies this server accepts, as the spec's schemas say them.
import { array, boolean, integer, map, object, oneOf, string } from './validate.ts';

export const resourceTypes = ['hot_desk', 'dedicated_desk', 'meeting_room', 'private_office', 'phone_booth', 'event_space'] as const;
export const bookingStatuses = ['pending', 'confirmed', 'cancelled'] as const;
const audiences = ['guest', 'member'] as const;
const offerUnits = ['hour', 'half_day', 'day', 'week', 'month'] as const;
const weekdays = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;

export const id = string({ min: 1, max: 64, pattern: /^[A-Za-z0-9_-]+$/ });
export const slug = string({ min: 2, max: 64, pattern: /^[a-z0-9]+(-[a-z0-9]+)*$/ });
export const instant = string({ max: 40, format: 'date-time' });
const name = string({ min: 1, max: 120 });
const longText = string({ max: 5000 });
const duration = string({ max: 32, format: 'duration' });
const email = string({ max: 254, format: 'email' });
const url = string({ max: 2048, pattern: /^https?:\/\//, format: 'uri' });
const localTime = string({ max: 5, pattern: /^([01][0-9]|2[0-4]):[0-5][0-9]$/ });
const languageTag = string({ max: 35, pattern: /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/ });
const money = object({ amount: integer(0, 100_000_000), currency: string({ min: 3, max: 3, pattern: /^[A-Z]{3}$/ }) }, { required: ['amount', 'currency'] });
const quantity = integer(1, 1000);

const image = object({ url, alt: string({ max: 300 }), width: integer(1, 20_000), height: integer(1, 20_000) }, { required: ['url', 'alt'], extensions: true });
const openingHours = array(object({ day: oneOf(weekdays), opens: localTime, closes: localTime }, { required: ['day', 'opens', 'closes'] }), { max: 28 });
const translations = map(languageTag, map(string({ max: 40, pattern: /^[a-z][A-Za-z]*$/ }), string({ max: 5000 }), 20), 20);
const rulesInput = object({
  minDuration: duration,
  maxDuration: duration,
  granularity: duration,
  leadTime: duration,
  horizon: duration,
  bufferBefore: duration,
  bufferAfter: duration,
  approvalRequired: boolean,
});
const offerInput = object({ id, unit: oneOf(offerUnits), price: money, audience: oneOf(audiences), label: string({ min: 1, max: 80 }) }, { required: ['unit', 'price', 'audience'], extensions: true });

export const resourceCreate = object(
  {
    type: oneOf(resourceTypes),
    name,
    description: longText,
    capacity: integer(1, 10_000),
    quantity,
    amenities: array(string({ min: 1, max: 40, pattern: /^[a-z0-9]+(?:_[a-z0-9]+)*$/ }), { max: 50, unique: true }),
    images: array(image, { max: 20 }),
    bookableBy: array(oneOf(audiences), { max: 2, unique: true }),
    rules: rulesInput,
    openingHours,
    offers: array(offerInput, { max: 20 }),
    translations,
    status: oneOf(['active', 'archived']),
  },
  { required: ['type', 'name', 'capacity'], extensions: true },
);

export const bookingCreate = object(
  {
    resourceId: id,
    start: instant,
    end: instant,
    quantity,
    attendees: integer(1, 10_000),
    title: string({ min: 1, max: 200 }),
    notes: string({ max: 2000 }),
    guest: object({ name, email }, { required: ['name', 'email'] }),
    memberId: id,
  },
  { required: ['resourceId', 'start', 'end'], extensions: true },
);

export const bookingUpdate = object(
  {
    start: instant,
    end: instant,
    quantity,
    attendees: integer(1, 10_000),
    title: string({ min: 1, max: 200, nullable: true }),
    notes: string({ max: 2000, nullable: true }),
  },
  { minProperties: 1, extensions: true },
);

export const bookingCancel = object({ reason: string({ max: 500 }) });

export const quoteRequest = object({ resourceId: id, start: instant, end: instant, quantity }, { required: ['resourceId', 'start', 'end'] });

export const signInCodeRequest = object({ email, language: languageTag }, { required: ['email'] });

export const signInTokenRequest = object({ email, code: string({ min: 6, max: 6, pattern: /^[0-9]{6}$/ }) }, { required: ['email', 'code'] });

