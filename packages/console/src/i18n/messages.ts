/**
 * The console's words, in English and in French. The French catalogue has the type of the English
 * one, so that a message missing in French fails the type check. A message with values is a
 * function of them.
 */
export const en = {
  title: 'Staff console',
  loading: 'Loading…',
  retry: 'Try again',
  signInHeading: 'Staff sign-in',
  signInIntro: 'Sign in with the email address the space knows you by: you will receive a one-time code.',
  signOut: 'Sign out',
  notStaff: (name: string) => `${name}, your account is a member's: the console is for the space's staff and admins. Ask an admin of the space to give you the staff role.`,
  roleStaff: 'Staff',
  roleAdmin: 'Admin',
  navigation: 'Sections',
  settings: 'Connection',
  settingsIntro: 'The console works with any server that implements the Coworking Commons API: give its address and the space.',
  apiUrl: 'API address',
  spaceId: 'Space',
  connect: 'Connect',
  connectedTo: (api: string, space: string) => `Connection: ${api}, space ${space}`,
  invalidUrl: 'Give an address starting with https:// (or http:// on this computer).',
  invalidSpace: 'Give the space’s identifier, such as la-ruche.',
  failed: 'The request failed.',
};

export type Messages = typeof en;

export const fr: Messages = {
  title: 'Console de l’équipe',
  loading: 'Chargement…',
  retry: 'Réessayer',
  signInHeading: 'Connexion de l’équipe',
  signInIntro: 'Connectez-vous avec l’adresse e-mail que l’espace connaît\u00a0: vous recevrez un code à usage unique.',
  signOut: 'Se déconnecter',
  notStaff: (name: string) => `${name}, votre compte est celui d’un membre\u00a0: la console est réservée à l’équipe et aux administrateurs de l’espace. Demandez à un administrateur de vous donner le rôle «\u00a0équipe\u00a0».`,
  roleStaff: 'Équipe',
  roleAdmin: 'Admin',
  navigation: 'Rubriques',
  settings: 'Connexion au serveur',
  settingsIntro: 'La console fonctionne avec tout serveur qui met en œuvre l’API Coworking Commons\u00a0: indiquez son adresse et l’espace.',
  apiUrl: 'Adresse de l’API',
  spaceId: 'Espace',
  connect: 'Se connecter',
  connectedTo: (api: string, space: string) => `Connexion\u00a0: ${api}, espace ${space}`,
  invalidUrl: 'Indiquez une adresse qui commence par https:// (ou http:// sur cet ordinateur).',
  invalidSpace: 'Indiquez l’identifiant de l’espace, par exemple la-ruche.',
  failed: 'La requête a échoué.',
};

/** The catalogue of a language tag among a section's catalogues ('fr-BE' → French; anything else, English). */
export function pick<T>(catalogues: { en: T; fr: T }, tag: string | undefined): T {
  return tag?.toLowerCase().startsWith('fr') ? catalogues.fr : catalogues.en;
}

/** The shell's catalogue for a language tag. */
export const messagesFor = (tag: string | undefined): Messages => pick({ en, fr }, tag);

/** The visitor's language as the browser says it: the first of their languages the console has. */
export function browserLanguage(languages: readonly string[] = navigator.languages ?? [navigator.language]): 'en' | 'fr' {
  for (const tag of languages) {
    const primary = tag.toLowerCase().split('-')[0];
    if (primary === 'fr' || primary === 'en') return primary;
  }
  return 'en';
}
