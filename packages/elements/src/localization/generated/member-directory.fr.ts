// Do not modify this file by hand: `npm run localize -w packages/elements` writes it (scripts/localize.ts).
// The fr messages of src/member-directory/ (member-directory.ts): their keys (../message-key.ts) in one string, then the messages in that order.
import type { Translations } from '../localization.ts';
import { str } from '@lit/localize';

const translations: Translations = [
  'adiatcbaibtreiqeisenfgnihdchvplcmmilmmnqchqplsnlspatsavamvcgvltvnu',
  /* adi s1a4636bb8d700ed0 */ str`${0} membres trouvés.`,
  /* atc saceeb25c75569e33 */ `Seule l’équipe de l’espace peut le voir.`,
  /* bai sb730e0a376b9a296 */ `Compétence`,
  /* btr s6567ab611c8df827 */ `L’annuaire est réservé aux membres.`,
  /* eiq s227b02b1dfae2691 */ `L’annuaire ne compte encore aucun membre.`,
  /* eis s6ebc9bd6feae62a3 */ `Chargement…`,
  /* enf sb08f15733b3d9210 */ `1 membre trouvé.`,
  /* gni s98febf138f60d918 */ `Essayez d’autres mots ou une autre compétence.`,
  /* hdc s49ec21c056d10c34 */ `Annuaire des membres`,
  /* hvp s8292be03e11dc716 */ `Cet annuaire des membres n’est pas public.`,
  /* lcm sb53bdd60491608a5 */ `Afficher plus de membres`,
  /* mil s93aff5c1a47f65de */ str`Connectez-vous en tant que membre de ${0} pour découvrir qui travaille ici.`,
  /* mmn s5d929ff1619ac0c9 */ `Rechercher`,
  /* qch s0ef238d0dbc79c45 */ `Chargement de l’annuaire des membres…`,
  /* qpl s37b4c2c49834427b */ `Chargement des membres…`,
  /* snl sfc56d6c5490e1bd6 */ `Aucun membre trouvé.`,
  /* spa s1db538344d8b9a3d */ `Aucun membre ne correspond à cette recherche.`,
  /* tsa sb2c729980cb6988d */ `Un nom, une entreprise, une compétence…`,
  /* vam s5d7548be29b19777 */ `Effacer la recherche`,
  /* vcg s981ec35a849019e5 */ str`${0} membres affichés ; il y en a d’autres.`,
  /* vlt sf93597ad3a1de6f6 */ `Toutes les compétences`,
  /* vnu s84431566da533151 */ `l’annuaire des membres`,
];
export default translations;
