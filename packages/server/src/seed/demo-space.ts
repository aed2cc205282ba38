// The demo space "La Ruche", a coworking space on the Île de Nantes: its description, hours and
// closures, what can be booked there and at what price, and its membership plans. Texts are in
// French (the space's default language) with English translations.
import type { components } from '@coworking-commons/client';
import { addDays } from '../domain/time.ts';

type Space = components['schemas']['Space'];
type ResourceCreate = components['schemas']['ResourceCreate'];
type PlanCreate = components['schemas']['PlanCreate'];
type Closure = components['schemas']['Closure'];

export const demoSpaceId = 'la-ruche';

const weekdays = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'] as const;

/**
 * The closures ahead of `today`: the Christmas break (24 December to 1 January) and the next two
 * French public holidays that fall outside it and not on a Sunday (when the space is closed anyway).
 */
export function demoClosures(today: string): Closure[] {
  const year = Number(today.slice(0, 4));
  const christmas = (y: number): Closure => ({ from: `${y}-12-24`, to: `${y + 1}-01-01`, reason: 'Fermeture de fin d’année' });
  const holidays: [string, string][] = [
    ['05-01', 'Fête du Travail'],
    ['05-08', 'Victoire 1945'],
    ['07-14', 'Fête nationale'],
    ['08-15', 'Assomption'],
    ['11-01', 'Toussaint'],
    ['11-11', 'Armistice 1918'],
  ];
  const breaks = [christmas(year - 1), christmas(year)].filter((c) => c.to >= today);
  const inBreak = (date: string) => breaks.some((c) => c.from <= date && date <= c.to);
  const upcoming = [year, year + 1]
    .flatMap((y) => holidays.map(([day, reason]): Closure => ({ from: `${y}-${day}`, to: `${y}-${day}`, reason })))
    .filter((c) => c.from > today && !inBreak(c.from) && new Date(`${c.from}T12:00:00Z`).getUTCDay() !== 0)
    .slice(0, 2);
  return [...breaks.slice(0, 1), ...upcoming].sort((a, b) => a.from.localeCompare(b.from));
}

export function demoSpace(now: Date, today: string): Space {
  return {
    id: demoSpaceId,
    name: 'La Ruche',
    description: [
      'Espace de coworking coopératif sur l’Île de Nantes, dans une ancienne halle de la Fonderie. 600 m² lumineux : un open space, quatre salles de réunion, des cabines pour téléphoner, une cuisine partagée et la Serre, notre salle d’événements sous verrière.',
      '',
      'Indépendants, associations et petites équipes s’y croisent chaque jour : petits-déjeuners du mardi, ateliers du jeudi soir, entraide au quotidien.',
    ].join('\n'),
    timeZone: 'Europe/Paris',
    address: { street: '12 rue de la Fonderie', locality: 'Nantes', postalCode: '44200', region: 'Pays de la Loire', country: 'FR' },
    geo: { latitude: 47.2069, longitude: -1.5587 },
    contact: { email: 'bonjour@la-ruche.example', phone: '+33 2 40 12 34 56', website: 'https://la-ruche.example/' },
    openingHours: [...weekdays.map((day) => ({ day, opens: '08:00', closes: '19:00' })), { day: 'saturday', opens: '09:00', closes: '13:00' }],
    closures: demoClosures(today),
    currency: 'EUR',
    languages: ['fr', 'en'],
    amenities: ['wifi', 'coffee', 'tea', 'kitchen', 'printer', 'lockers', 'showers', 'bike_parking', 'natural_light', 'step_free_access', 'accessible_toilet'],
    images: [],
    policies: {
      guestBookingAllowed: true,
      cancellationNotice: 'PT24H',
      directoryVisibility: 'public',
      halfDays: { morning: { start: '08:00', end: '13:00' }, afternoon: { start: '13:00', end: '19:00' } },
    },
    translations: {
      en: {
        description: [
          'A cooperative coworking space on the Île de Nantes, in a former foundry hall. 600 m² full of light: an open space, four meeting rooms, phone booths, a shared kitchen and the Greenhouse, our event room under a glass roof.',
          '',
          'Freelancers, non-profits and small teams meet here every day: Tuesday breakfasts, Thursday evening workshops, everyday mutual help.',
        ].join('\n'),
      },
    },
    updatedAt: now.toISOString(),
  };
}

const eur = (amount: number) => ({ amount, currency: 'EUR' });

/**
 * Prices for guests and (cheaper) for members, by hour, half-day and day, in cents; and, when
 * given, the members' prices in credits (paid by those with a membership).
 */
function offers(
  guest: [hour: number, halfDay: number, day: number],
  member: [hour: number, halfDay: number, day: number],
  credits?: [hour: number, halfDay: number, day: number],
): NonNullable<ResourceCreate['offers']> {
  const units = ['hour', 'half_day', 'day'] as const;
  return [
    ...units.map((unit, i) => ({ unit, price: eur(guest[i]!), audience: 'guest' as const })),
    ...units.map((unit, i) => ({ unit, price: eur(member[i]!), audience: 'member' as const, label: 'Tarif membre', ...(credits ? { credits: credits[i]! } : {}) })),
  ];
}

/** What can be booked, keyed by the readable id each resource gets in the demo. */
export const demoResources: Record<string, ResourceCreate> = {
  rs_open_space: {
    type: 'hot_desk',
    name: 'Open space',
    description: 'Douze postes nomades au rez-de-chaussée, face aux baies vitrées. Réservez un ou plusieurs postes à l’heure, à la demi-journée ou à la journée ; le café est compris.',
    capacity: 1,
    quantity: 12,
    amenities: ['wifi', 'natural_light', 'standing_desk', 'lockers'],
    bookableBy: ['guest', 'member'],
    rules: { granularity: 'PT30M', minDuration: 'PT1H', maxDuration: 'PT11H', leadTime: 'PT0S', horizon: 'P60D' },
    offers: offers([500, 1500, 2500], [300, 1000, 1800]),
    translations: { en: { name: 'Open space', description: 'Twelve hot desks on the ground floor, facing the glass front. Book one desk or several by the hour, half-day or day; coffee included.' } },
  },
  rs_petit_salon: {
    type: 'meeting_room',
    name: 'Le Petit Salon',
    description: 'Salle de réunion pour 4 personnes, idéale pour un rendez-vous client ou un entretien. Écran 50 pouces et tableau blanc.',
    capacity: 4,
    amenities: ['wifi', 'screen', 'whiteboard', 'videoconference'],
    bookableBy: ['guest', 'member'],
    rules: { granularity: 'PT30M', minDuration: 'PT30M', maxDuration: 'PT8H', leadTime: 'PT1H', horizon: 'P90D', bufferBefore: 'PT0S', bufferAfter: 'PT15M' },
    offers: offers([2000, 7000, 12000], [1400, 5000, 9000], [1, 3, 5]),
    translations: { en: { name: 'The Small Parlour', description: 'A meeting room for 4, ideal for a client meeting or an interview. 50-inch screen and whiteboard.' } },
  },
  rs_salle_verte: {
    type: 'meeting_room',
    name: 'La Salle Verte',
    description: 'Salle de réunion pour 8 personnes, ouverte sur le jardin. Vidéoprojecteur, système de visioconférence et murs effaçables.',
    capacity: 8,
    amenities: ['wifi', 'projector', 'whiteboard', 'videoconference', 'natural_light'],
    bookableBy: ['guest', 'member'],
    rules: { granularity: 'PT30M', minDuration: 'PT30M', maxDuration: 'PT8H', leadTime: 'PT1H', horizon: 'P90D', bufferBefore: 'PT15M', bufferAfter: 'PT15M' },
    offers: offers([3500, 12000, 20000], [2500, 9000, 15000]),
    translations: { en: { name: 'The Green Room', description: 'A meeting room for 8, opening onto the garden. Projector, video-conferencing and writable walls.' } },
  },
  rs_atelier: {
    type: 'meeting_room',
    name: 'L’Atelier',
    description: 'Grande salle modulable pour 12 personnes : formations, ateliers, séminaires d’équipe. Tables sur roulettes, paperboards, accès direct à la cuisine.',
    capacity: 12,
    amenities: ['wifi', 'projector', 'screen', 'whiteboard', 'videoconference', 'air_conditioning'],
    bookableBy: ['guest', 'member'],
    rules: { granularity: 'PT30M', minDuration: 'PT1H', maxDuration: 'PT8H', leadTime: 'PT2H', horizon: 'P120D', bufferBefore: 'PT30M', bufferAfter: 'PT30M' },
    offers: offers([5000, 18000, 30000], [3500, 13000, 22000]),
    translations: { en: { name: 'The Workshop', description: 'A large, flexible room for 12: training, workshops, team off-sites. Tables on wheels, flip charts, direct access to the kitchen.' } },
  },
  rs_cabines: {
    type: 'phone_booth',
    name: 'Cabines téléphoniques',
    description: 'Deux cabines insonorisées pour vos appels et visios, réservées aux membres et gratuites.',
    capacity: 1,
    quantity: 2,
    amenities: ['wifi', 'phone'],
    bookableBy: ['member'],
    rules: { granularity: 'PT15M', minDuration: 'PT15M', maxDuration: 'PT2H', leadTime: 'PT0S', horizon: 'P14D' },
    offers: [],
    translations: { en: { name: 'Phone booths', description: 'Two soundproof booths for calls and video meetings, for members, free of charge.' } },
  },
  rs_la_serre: {
    type: 'event_space',
    name: 'La Serre',
    description: 'Salle d’événements de 120 m² sous verrière, jusqu’à 60 personnes debout ou 40 assises. Sonorisation et vidéoprojection. Chaque demande est validée par l’équipe.',
    capacity: 60,
    amenities: ['wifi', 'projector', 'screen', 'natural_light', 'step_free_access', 'accessible_toilet'],
    bookableBy: ['guest', 'member'],
    rules: { granularity: 'PT1H', minDuration: 'PT2H', maxDuration: 'PT11H', leadTime: 'P2D', horizon: 'P180D', bufferBefore: 'PT1H', bufferAfter: 'PT1H', approvalRequired: true },
    offers: [
      { unit: 'hour', price: eur(12000), audience: 'guest' },
      { unit: 'half_day', price: eur(45000), audience: 'guest' },
      { unit: 'day', price: eur(80000), audience: 'guest' },
      { unit: 'hour', price: eur(8000), audience: 'member', label: 'Tarif membre' },
      { unit: 'half_day', price: eur(30000), audience: 'member', label: 'Tarif membre' },
      { unit: 'day', price: eur(55000), audience: 'member', label: 'Tarif membre' },
    ],
    translations: { en: { name: 'The Greenhouse', description: 'A 120 m² event room under a glass roof, for up to 60 standing or 40 seated. Sound system and projector. Every request is approved by the team.' } },
  },
  rs_postes_fixes: {
    type: 'dedicated_desk',
    name: 'Postes fixes',
    description: 'Six bureaux attitrés à l’étage, avec caisson et écran, loués au mois. Contactez l’équipe pour en réserver un.',
    capacity: 1,
    quantity: 6,
    amenities: ['wifi', 'screen', 'lockers', 'standing_desk'],
    bookableBy: [],
    rules: { granularity: 'PT1H', maxDuration: 'PT11H', horizon: 'P180D' },
    offers: [{ unit: 'month', price: eur(29000), audience: 'member', label: 'Au mois' }],
    translations: { en: { name: 'Dedicated desks', description: 'Six desks of your own upstairs, with a drawer unit and a monitor, rented by the month. Ask the team to book one.' } },
  },
  rs_la_loge: {
    type: 'private_office',
    name: 'La Loge',
    description: 'Bureau privatif fermé pour une équipe de 4, avec vue sur la Loire. Loué au mois, sur demande.',
    capacity: 4,
    amenities: ['wifi', 'natural_light', 'air_conditioning', 'lockers'],
    bookableBy: [],
    rules: { granularity: 'PT1H', maxDuration: 'PT11H', horizon: 'P365D', approvalRequired: true },
    offers: [{ unit: 'month', price: eur(120000), audience: 'member', label: 'Au mois' }],
    translations: { en: { name: 'The Lodge', description: 'A closed private office for a team of 4, overlooking the Loire. Rented by the month, on request.' } },
  },
};

/** Membership plans, keyed by the readable id each gets in the demo. */
export const demoPlans: Record<string, PlanCreate> = {
  pl_pass_journee: {
    name: 'Pass journée',
    description: 'Pour venir quand vous voulez, sans engagement.',
    price: eur(2200),
    period: 'day',
    includes: ['Un poste en open space de 8 h à 19 h', 'Café et thé à volonté', 'Accès aux événements publics'],
    featured: false,
    grants: { includedDays: 1, resourceTypes: ['hot_desk'], accessHours: weekdays.map((day) => ({ day, opens: '08:00', closes: '19:00' })) },
    translations: { en: { name: 'Day pass', description: 'Come whenever you like, no commitment.' } },
  },
  pl_nomade: {
    name: 'Nomade',
    description: 'Huit jours par mois en open space, pour les freelances qui alternent maison et bureau.',
    price: eur(13000),
    period: 'month',
    includes: ['8 jours par mois en open space', '2 heures de salle de réunion par mois', 'Tarif membre sur les salles', 'Petits-déjeuners et événements membres'],
    featured: false,
    grants: { credits: 10, includedDays: 8, resourceTypes: ['hot_desk', 'meeting_room', 'phone_booth'] },
    translations: { en: { name: 'Nomad', description: 'Eight days a month in the open space, for freelancers who switch between home and office.' } },
  },
  pl_resident: {
    name: 'Résident',
    description: 'L’open space en illimité et toute la vie de la communauté.',
    price: eur(24000),
    period: 'month',
    includes: ['Open space en illimité', '6 heures de salle de réunion par mois', 'Un casier', 'Domiciliation possible', 'Petits-déjeuners et événements membres'],
    featured: true,
    grants: { credits: 20, resourceTypes: ['hot_desk', 'meeting_room', 'phone_booth'] },
    translations: { en: { name: 'Resident', description: 'Unlimited open space and the whole community life.' } },
  },
  pl_poste_fixe: {
    name: 'Poste fixe',
    description: 'Votre bureau à vous, toujours prêt, avec écran et caisson.',
    price: eur(32000),
    period: 'month',
    includes: ['Un bureau attitré avec écran et caisson', '10 heures de salle de réunion par mois', 'Domiciliation incluse', 'Petits-déjeuners et événements membres'],
    featured: false,
    grants: { credits: 30, resourceTypes: ['dedicated_desk', 'meeting_room', 'phone_booth'] },
    translations: { en: { name: 'Dedicated desk', description: 'A desk of your own, always ready, with a monitor and a drawer unit.' } },
  },
};

/** The dates from `from` on (inclusive) that are opening weekdays and not closed. */
export function openWeekdays(from: string, count: number, closures: readonly Closure[]): string[] {
  const dates: string[] = [];
  for (let date = from; dates.length < count; date = addDays(date, 1)) {
    const day = new Date(`${date}T12:00:00Z`).getUTCDay();
    if (day >= 1 && day <= 5 && !closures.some((c) => c.from <= date && date <= c.to)) dates.push(date);
  }
  return dates;
}
