/**
 * Words for the spec's enumerations, in the active language: resource types, amenities and offer
 * units. Unknown values (a server may add its own) are shown as they are.
 */
import { msg } from '@lit/localize';
import type { components } from '@coworking-commons/client';
import { useMessages } from '../localization/localization.ts';
import messages from '../localization/generated/booking.ts';

useMessages(messages);

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
