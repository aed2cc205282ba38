// Do not modify this file by hand: `npm run localize -w packages/elements` writes it (scripts/localize.ts).
// The fr messages of src/member-directory/ (member-directory.ts).
import { str } from '@lit/localize';

export const templates = {
  's0ef2': `Chargement de l’annuaire des membres…`,
  's1a46': str`${0} membres trouvés.`,
  's1db5': `Aucun membre ne correspond à cette recherche.`,
  's227b': `L’annuaire ne compte encore aucun membre.`,
  's37b4': `Chargement des membres…`,
  's49ec': `Annuaire des membres`,
  's5d75': `Effacer la recherche`,
  's5d92': `Rechercher`,
  's6567': `L’annuaire est réservé aux membres.`,
  's6ebc': `Chargement…`,
  's8292': `Cet annuaire des membres n’est pas public.`,
  's93af': str`Connectez-vous en tant que membre de ${0} pour découvrir qui travaille ici.`,
  's981e': str`${0} membres affichés ; il y en a d’autres.`,
  's98fe': `Essayez d’autres mots ou une autre compétence.`,
  'sacee': `Seule l’équipe de l’espace peut le voir.`,
  'sb08f': `1 membre trouvé.`,
  'sb2c7': `Un nom, une entreprise, une compétence…`,
  'sb53b': `Afficher plus de membres`,
  'sb730': `Compétence`,
  'sf935': `Toutes les compétences`,
  'sfc56': `Aucun membre trouvé.`,
};
