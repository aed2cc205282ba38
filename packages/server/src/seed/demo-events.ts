// The events of the demo space over the coming month: a weekly rhythm (Monday advice sessions,
// Tuesday breakfasts, Wednesday lunch talks, Thursday workshops, Friday evenings) and a few
// Saturday specials. Each template says how many members (and guests) have registered already.
import type { components } from '@coworking-commons/client';
import { addDays, weekdayOf, type Weekday } from '../domain/time.ts';

type Event = components['schemas']['Event'];
type Closure = components['schemas']['Closure'];

export interface DemoEventTemplate {
  title: string;
  summary: string;
  description: string;
  en: { title: string; summary: string; description: string };
  /** Wall-clock times in the space's zone; absent for an all-day event. */
  hours?: [start: string, end: string];
  location: NonNullable<Event['location']>;
  /** The organizer, by the email of a demo member, or a name. */
  organizer?: { memberEmail: string } | { name: string };
  tags: string[];
  capacity?: number;
  waitlistEnabled?: boolean;
  visibility: Event['visibility'];
  registration: Event['registration'];
  /** Members registered so far (the first ones take the seats, the others wait). */
  members: number;
  /** Guests registered so far. */
  guests?: number;
  /** The event was called off: it and its registrations are cancelled. */
  cancelled?: boolean;
}

const open = { required: true, audience: ['guest', 'member'] } as Event['registration'];
const dropIn = { required: false, audience: ['guest', 'member'] } as Event['registration'];
const membersOnly = { required: false, audience: ['member'] } as Event['registration'];

const breakfast: DemoEventTemplate = {
  title: 'Petit-déjeuner des membres',
  summary: 'Croissants, café et nouvelles de chacun : le rendez-vous du mardi matin.',
  description: 'Chaque mardi, on prend vingt minutes pour se présenter, partager un besoin ou une bonne nouvelle. Les nouveaux membres sont particulièrement bienvenus.\n\nInscription facultative, elle nous aide juste à prévoir les croissants.',
  en: {
    title: 'Members’ breakfast',
    summary: 'Croissants, coffee and everyone’s news: the Tuesday morning get-together.',
    description: 'Every Tuesday we take twenty minutes to introduce ourselves, share a need or some good news. New members are especially welcome.\n\nRegistering is optional; it just helps us plan the croissants.',
  },
  hours: ['08:30', '09:30'],
  location: { kind: 'text', text: 'Cuisine partagée, rez-de-chaussée' },
  organizer: { name: 'L’équipe de La Ruche' },
  tags: ['breakfast', 'community'],
  capacity: 25,
  visibility: 'members',
  registration: membersOnly,
  members: 7,
};

const mondays: DemoEventTemplate[] = [
  {
    title: 'Permanence comptable',
    summary: 'Une question de statut, de TVA ou de déclaration ? Aminata vous répond, gratuitement.',
    description: 'Quinze minutes par personne, sans rendez-vous, pour débroussailler vos questions de comptabilité et de fiscalité d’indépendant.',
    en: {
      title: 'Accounting drop-in',
      summary: 'A question about your legal status, VAT or tax return? Aminata answers, free of charge.',
      description: 'Fifteen minutes each, no appointment, to untangle your freelance accounting and tax questions.',
    },
    hours: ['14:00', '17:00'],
    location: { kind: 'resource', resourceId: 'rs_petit_salon' },
    organizer: { memberEmail: 'aminata.diallo@example.org' },
    tags: ['advice', 'accounting'],
    visibility: 'members',
    registration: membersOnly,
    members: 3,
  },
  {
    title: 'Permanence juridique',
    summary: 'Contrats, RGPD, propriété intellectuelle : Julien répond à vos questions.',
    description: 'Julien Roux, avocat en droit du numérique, reçoit les membres pour un premier avis sur leurs contrats et leurs obligations RGPD.',
    en: {
      title: 'Legal drop-in',
      summary: 'Contracts, GDPR, intellectual property: Julien answers your questions.',
      description: 'Julien Roux, a digital-law attorney, meets members for a first opinion on their contracts and GDPR obligations.',
    },
    hours: ['14:00', '16:00'],
    location: { kind: 'resource', resourceId: 'rs_petit_salon' },
    organizer: { memberEmail: 'julien.roux@example.org' },
    tags: ['advice', 'legal'],
    visibility: 'members',
    registration: membersOnly,
    members: 2,
  },
];

const wednesdays: DemoEventTemplate[] = [
  {
    title: 'Midi-conférence : l’économie sociale et solidaire à Nantes',
    summary: 'Samuel Cohen raconte dix ans de coopératives nantaises, entre réussites et impasses.',
    description: 'Un tour d’horizon des SCOP, SCIC et associations qui font l’économie locale, suivi de questions. Apportez votre déjeuner, on fournit le dessert.',
    en: {
      title: 'Lunch talk: the social economy in Nantes',
      summary: 'Samuel Cohen tells ten years of Nantes cooperatives, successes and dead ends.',
      description: 'An overview of the worker cooperatives, community-interest companies and non-profits that make the local economy, followed by questions. Bring your lunch, we provide dessert.',
    },
    hours: ['12:30', '13:30'],
    location: { kind: 'resource', resourceId: 'rs_la_serre' },
    organizer: { memberEmail: 'samuel.cohen@example.org' },
    tags: ['talk', 'social-economy'],
    capacity: 40,
    visibility: 'public',
    registration: open,
    members: 9,
    guests: 4,
  },
  {
    title: 'Webinaire : financer son projet sans lever de fonds',
    summary: 'Prêts d’honneur, subventions, financement participatif : les options pour démarrer.',
    description: 'Olivier Chevalier passe en revue les financements accessibles aux petites structures, avec des exemples chiffrés. En ligne, pour les membres qui sont en déplacement.',
    en: {
      title: 'Webinar: funding your project without investors',
      summary: 'Honour loans, grants, crowdfunding: the options to get started.',
      description: 'Olivier Chevalier reviews the funding available to small organisations, with worked examples. Online, for members on the road.',
    },
    hours: ['12:30', '13:30'],
    location: { kind: 'online', url: 'https://visio.la-ruche.example/financer-son-projet' },
    organizer: { memberEmail: 'olivier.chevalier@example.org' },
    tags: ['talk', 'finance', 'online'],
    capacity: 100,
    visibility: 'public',
    registration: open,
    members: 6,
    guests: 3,
  },
  {
    title: 'Midi-conférence : rénover avec des matériaux biosourcés',
    summary: 'Paille, chanvre, terre crue : Antoine Dubois montre des chantiers réels.',
    description: 'Coûts, performances, assurances : ce qu’il faut savoir avant de rénover avec des matériaux biosourcés, photos de chantiers nantais à l’appui.',
    en: {
      title: 'Lunch talk: renovating with bio-based materials',
      summary: 'Straw, hemp, raw earth: Antoine Dubois shows real building sites.',
      description: 'Costs, performance, insurance: what to know before renovating with bio-based materials, illustrated with building sites around Nantes.',
    },
    hours: ['12:30', '13:30'],
    location: { kind: 'resource', resourceId: 'rs_la_serre' },
    organizer: { memberEmail: 'antoine.dubois@example.org' },
    tags: ['talk', 'sustainability'],
    capacity: 40,
    visibility: 'public',
    registration: open,
    members: 5,
    guests: 2,
  },
  {
    title: 'Midi-conférence : le RGPD en 45 minutes',
    summary: 'Ce que doit faire concrètement une petite structure, sans jargon.',
    description: 'Registre des traitements, mentions d’information, sous-traitants : Julien Roux démêle l’essentiel pour les indépendants et les associations.',
    en: {
      title: 'Lunch talk: GDPR in 45 minutes',
      summary: 'What a small organisation actually has to do, without jargon.',
      description: 'Records of processing, privacy notices, processors: Julien Roux untangles the essentials for freelancers and non-profits.',
    },
    hours: ['12:30', '13:30'],
    location: { kind: 'resource', resourceId: 'rs_la_serre' },
    organizer: { memberEmail: 'julien.roux@example.org' },
    tags: ['talk', 'legal', 'gdpr'],
    capacity: 40,
    visibility: 'public',
    registration: open,
    members: 8,
    guests: 5,
  },
  {
    title: 'Midi-conférence : la data au service de la santé publique',
    summary: 'Chloé Nguyen montre comment des données ouvertes éclairent les politiques de santé.',
    description: 'Cartes, tableaux de bord et limites des données : une conférence accessible à toutes et tous, suivie d’un temps d’échange.',
    en: {
      title: 'Lunch talk: data for public health',
      summary: 'Chloé Nguyen shows how open data informs health policy.',
      description: 'Maps, dashboards and the limits of data: a talk for everyone, followed by a discussion.',
    },
    hours: ['12:30', '13:30'],
    location: { kind: 'resource', resourceId: 'rs_la_serre' },
    organizer: { memberEmail: 'chloe.nguyen@example.org' },
    tags: ['talk', 'data'],
    capacity: 40,
    visibility: 'public',
    registration: open,
    members: 4,
    guests: 2,
  },
];

// The first two are full (the first with a waitlist), whatever closures fall in the month.
const thursdays: DemoEventTemplate[] = [
  {
    title: 'Atelier : facturer en freelance sans stress',
    summary: 'Devis, factures, relances et outils : deux heures pour mettre de l’ordre dans sa facturation.',
    description: 'Un atelier pratique animé par Aminata Diallo. Venez avec votre ordinateur et un devis ou une facture récente.\n\nComplet ? Inscrivez-vous en liste d’attente : une place se libère souvent.',
    en: {
      title: 'Workshop: stress-free freelance invoicing',
      summary: 'Quotes, invoices, reminders and tools: two hours to put your invoicing in order.',
      description: 'A hands-on workshop led by Aminata Diallo. Bring your laptop and a recent quote or invoice.\n\nFull? Join the waitlist: a seat often frees up.',
    },
    hours: ['18:30', '20:30'],
    location: { kind: 'resource', resourceId: 'rs_atelier' },
    organizer: { memberEmail: 'aminata.diallo@example.org' },
    tags: ['workshop', 'freelance', 'accounting'],
    capacity: 10,
    waitlistEnabled: true,
    visibility: 'public',
    registration: open,
    members: 12,
  },
  {
    title: 'Atelier Figma pour débutants',
    summary: 'Prendre en main Figma en deux heures : cadres, composants, prototypes.',
    description: 'Un atelier en petit groupe pour les non-designers qui veulent maquetter leurs idées. Un ordinateur par personne.',
    en: {
      title: 'Figma for beginners',
      summary: 'Get going with Figma in two hours: frames, components, prototypes.',
      description: 'A small-group workshop for non-designers who want to sketch their ideas. One laptop per person.',
    },
    hours: ['18:30', '20:30'],
    location: { kind: 'resource', resourceId: 'rs_atelier' },
    organizer: { memberEmail: 'camille.durand@example.org' },
    tags: ['workshop', 'design'],
    capacity: 8,
    waitlistEnabled: false,
    visibility: 'public',
    registration: open,
    members: 8,
  },
  {
    title: 'Atelier : l’accessibilité web en pratique',
    summary: 'Tester son site au clavier et au lecteur d’écran, et corriger les erreurs les plus fréquentes.',
    description: 'Camille Durand et Pauline Garnier présentent les bases du RGAA, puis chacun teste son propre site avec leur aide.',
    en: {
      title: 'Workshop: web accessibility in practice',
      summary: 'Test your site with the keyboard and a screen reader, and fix the most common mistakes.',
      description: 'Camille Durand and Pauline Garnier present the basics of accessibility standards, then everyone tests their own site with their help.',
    },
    hours: ['18:30', '20:30'],
    location: { kind: 'resource', resourceId: 'rs_atelier' },
    organizer: { memberEmail: 'pauline.garnier@example.org' },
    tags: ['workshop', 'accessibility', 'web'],
    capacity: 12,
    waitlistEnabled: true,
    visibility: 'public',
    registration: open,
    members: 6,
    guests: 3,
  },
  {
    title: 'Atelier : la gouvernance partagée dans les petites équipes',
    summary: 'Décider ensemble sans réunionite : rôles, élection sans candidat, décision par consentement.',
    description: 'Émilie Fontaine fait vivre trois outils de la sociocratie sur des cas apportés par les participants.',
    en: {
      title: 'Workshop: shared governance in small teams',
      summary: 'Deciding together without endless meetings: roles, elections without candidates, consent decisions.',
      description: 'Émilie Fontaine runs three sociocracy tools on cases brought by the participants.',
    },
    hours: ['18:30', '20:30'],
    location: { kind: 'resource', resourceId: 'rs_atelier' },
    organizer: { memberEmail: 'emilie.fontaine@example.org' },
    tags: ['workshop', 'governance'],
    capacity: 12,
    waitlistEnabled: true,
    visibility: 'public',
    registration: open,
    members: 5,
    guests: 2,
  },
  {
    title: 'Atelier photo : réussir son portrait professionnel',
    summary: 'Lumière naturelle, cadrage, posture : Thomas Leroy vous photographie pour l’annuaire.',
    description: 'Après quelques conseils, chacun repart avec un portrait retouché pour son profil. Réservé aux membres.',
    en: {
      title: 'Photo workshop: a good professional portrait',
      summary: 'Natural light, framing, posture: Thomas Leroy takes your picture for the directory.',
      description: 'After a few tips, everyone leaves with a retouched portrait for their profile. Members only.',
    },
    hours: ['18:00', '20:00'],
    location: { kind: 'resource', resourceId: 'rs_salle_verte' },
    organizer: { memberEmail: 'thomas.leroy@example.org' },
    tags: ['workshop', 'photography'],
    capacity: 8,
    waitlistEnabled: true,
    visibility: 'members',
    registration: { required: true, audience: ['member'] },
    members: 4,
  },
];

const fridays: DemoEventTemplate[] = [
  {
    title: 'Café langues / Language café',
    summary: 'Parlez français, anglais, espagnol, allemand… autour d’un verre. Ouvert à tous.',
    description: 'Une table par langue, on change toutes les vingt minutes. Tous les niveaux sont bienvenus, débutants compris. Animé par Inès Haddad.',
    en: {
      title: 'Language café',
      summary: 'Speak French, English, Spanish, German… over a drink. Everyone welcome.',
      description: 'One table per language; we switch every twenty minutes. All levels welcome, beginners included. Hosted by Inès Haddad.',
    },
    hours: ['18:00', '19:30'],
    location: { kind: 'text', text: 'Terrasse de la Serre (à l’intérieur s’il pleut)' },
    organizer: { memberEmail: 'ines.haddad@example.org' },
    tags: ['community', 'languages'],
    visibility: 'public',
    registration: dropIn,
    members: 4,
    guests: 3,
  },
  {
    title: 'Apéro des membres',
    summary: 'On trinque à la semaine : chacun apporte quelque chose à partager.',
    description: 'Le rendez-vous convivial de fin de semaine, réservé aux membres et à leurs proches.',
    en: {
      title: 'Members’ drinks',
      summary: 'A toast to the week: everyone brings something to share.',
      description: 'The friendly end-of-week get-together, for members and their families.',
    },
    hours: ['18:00', '20:00'],
    location: { kind: 'text', text: 'Cuisine partagée, rez-de-chaussée' },
    organizer: { name: 'L’équipe de La Ruche' },
    tags: ['community', 'social'],
    visibility: 'members',
    registration: membersOnly,
    members: 6,
  },
];

const saturdays: DemoEventTemplate[] = [
  {
    title: 'Portes ouvertes',
    summary: 'Visitez La Ruche, rencontrez ses membres et testez un poste gratuitement.',
    description: 'Visites guidées toutes les demi-heures, présentation des formules et café offert. Sans inscription.',
    en: {
      title: 'Open house',
      summary: 'Visit La Ruche, meet its members and try a desk for free.',
      description: 'Guided tours every half hour, a presentation of the plans and free coffee. No registration needed.',
    },
    hours: ['09:30', '12:30'],
    location: { kind: 'text', text: 'La Ruche, 12 rue de la Fonderie, Nantes' },
    organizer: { name: 'L’équipe de La Ruche' },
    tags: ['open-house', 'community'],
    visibility: 'public',
    registration: { required: false, audience: [] },
    members: 0,
  },
  {
    title: 'Salon des indépendants de Nantes',
    summary: 'La Ruche tient un stand au salon : venez nous dire bonjour.',
    description: 'Toute la journée, des conférences et des stands sur l’entrepreneuriat indépendant. Plusieurs membres y interviennent.',
    en: {
      title: 'Nantes freelancers’ fair',
      summary: 'La Ruche has a stand at the fair: come and say hello.',
      description: 'All day long, talks and stands about independent work. Several members are speaking.',
    },
    location: { kind: 'text', text: 'Cité des Congrès, 5 rue de Valmy, Nantes' },
    organizer: { name: 'L’équipe de La Ruche' },
    tags: ['fair', 'freelance'],
    visibility: 'public',
    registration: { required: false, audience: [] },
    members: 0,
  },
];

export interface ScheduledEvent {
  template: DemoEventTemplate;
  /** The event's date in the space's zone (its first day, for an all-day event). */
  date: string;
}

/**
 * The demo's program from the day after `today`: a month of the weekly rhythm, continued past the
 * month when closures (the Christmas break) would leave it short of `atLeast` events. Closed days
 * have no event. The second Friday evening is the cancelled one.
 */
export function demoProgram(today: string, closures: readonly Closure[], atLeast = 22): ScheduledEvent[] {
  const seen: Partial<Record<Weekday, number>> = {};
  const program: ScheduledEvent[] = [];
  for (let offset = 1; offset <= 60 && (offset <= 30 || program.length < atLeast); offset++) {
    const date = addDays(today, offset);
    if (closures.some((c) => c.from <= date && date <= c.to)) continue;
    const weekday = weekdayOf(date);
    const n = seen[weekday] ?? 0;
    seen[weekday] = n + 1;
    let template: DemoEventTemplate | undefined;
    switch (weekday) {
      case 'monday':
        template = mondays[n % mondays.length];
        break;
      case 'tuesday':
        template = breakfast;
        break;
      case 'wednesday':
        template = wednesdays[n % wednesdays.length];
        break;
      case 'thursday':
        template = thursdays[n % thursdays.length];
        break;
      case 'friday':
        template = n === 1 ? { ...fridays[1]!, cancelled: true } : fridays[n % fridays.length];
        break;
      case 'saturday':
        template = n === 1 ? saturdays[0] : n === 3 ? saturdays[1] : undefined;
        break;
    }
    if (template) program.push({ template, date });
  }
  return program;
}
