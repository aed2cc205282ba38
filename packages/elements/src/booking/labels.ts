/**
 * Words for the spec's enumerations, in the active language: resource types, amenities, offer
 * units, and the rule a refused booking broke. Unknown values (a server may add its own) are shown
 * as they are.
 */
import { msg } from '@lit/localize';
import type { components } from '@coworking-commons/client';

type ResourceType = components['schemas']['ResourceType'];
type OfferUnit = components['schemas']['OfferUnit'];

export function typeLabel(type: ResourceType | string): string {
  const labels: Record<string, () => string> = {
    hot_desk: () => msg('Hot desk'),
    dedicated_desk: () => msg('Dedicated desk'),
    meeting_room: () => msg('Meeting room'),
    private_office: () => msg('Private office'),
    phone_booth: () => msg('Phone booth'),
    event_space: () => msg('Event space'),
  };
  return labels[type]?.() ?? type;
}

export function amenityLabel(amenity: string): string {
  const labels: Record<string, () => string> = {
    wifi: () => msg('Wi-Fi'),
    coffee: () => msg('Coffee'),
    tea: () => msg('Tea'),
    kitchen: () => msg('Kitchen'),
    projector: () => msg('Projector'),
    screen: () => msg('Screen'),
    whiteboard: () => msg('Whiteboard'),
    videoconference: () => msg('Video conferencing'),
    phone: () => msg('Phone'),
    printer: () => msg('Printer'),
    lockers: () => msg('Lockers'),
    showers: () => msg('Showers'),
    bike_parking: () => msg('Bike parking'),
    standing_desk: () => msg('Standing desk'),
    natural_light: () => msg('Natural light'),
    air_conditioning: () => msg('Air conditioning'),
    step_free_access: () => msg('Step-free access'),
    accessible_toilet: () => msg('Accessible toilet'),
  };
  return labels[amenity]?.() ?? amenity.replace(/_/g, ' ');
}

/** "per hour", "per half-day"… */
export function perUnit(unit: OfferUnit | string): string {
  const labels: Record<string, () => string> = {
    hour: () => msg('per hour'),
    half_day: () => msg('per half-day'),
    day: () => msg('per day'),
    week: () => msg('per week'),
    month: () => msg('per month'),
  };
  return labels[unit]?.() ?? unit;
}

/** Why the server refused a booking (a `rule-violation` problem's `code`), or undefined for an unknown code. */
export function ruleMessage(code: string | undefined): string | undefined {
  const labels: Record<string, () => string> = {
    outside_opening_hours: () => msg('This time is outside the opening hours.'),
    closed: () => msg('The space is closed on this day.'),
    min_duration: () => msg('This booking is shorter than the minimum duration.'),
    max_duration: () => msg('This booking is longer than the maximum duration.'),
    granularity: () => msg('This start time or duration is not allowed for this resource.'),
    lead_time: () => msg('This time is too soon: bookings of this resource must be made further ahead.'),
    horizon: () => msg('This time is too far ahead to be booked yet.'),
    in_the_past: () => msg('This time has already passed.'),
    capacity: () => msg('Not enough units are left for this quantity.'),
    audience: () => msg('You cannot book this resource this way. Members can book it after signing in.'),
    cancellation_notice: () => msg('It is too late to cancel this booking online. Please contact the space.'),
  };
  return code ? labels[code]?.() : undefined;
}
