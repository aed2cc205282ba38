// Do not modify this file by hand: `npm run localize -w packages/elements` writes it (scripts/localize.ts).
// The fr messages of src/states/ (errors.ts, states.ts): their keys (../message-key.ts) in one string, then the messages in that order.
import type { Translations } from '../localization.ts';
import { str } from '@lit/localize';

const translations: Translations = [
  'agaaoaaruaveeisgergncgrcgsthephhfhvoianmubnfqoqnqccrhurofrthtcttslvnavql',
  /* aga s075f9da7dc589b07 */ `Le serveur est injoignable. Vérifiez votre connexion, puis réessayez.`,
  /* aoa s01d053713a9598dc */ `Le serveur a mis trop de temps à répondre. Veuillez réessayer.`,
  /* aru sac6e3e1ea39afc4e */ `Introuvable. Cet élément a peut-être été supprimé.`,
  /* ave s736157452e7fc7af */ `Un problème est survenu. Veuillez réessayer.`,
  /* eis s6ebc9bd6feae62a3 */ `Chargement…`,
  /* ger sb9bd4f5a3810b77e */ `Un problème est survenu`,
  /* gnc s51322fec101fa688 */ `Le serveur a refusé cette demande. Vérifiez ce que vous avez saisi.`,
  /* grc se76fb7101c43adce */ str`Ce serveur ne propose pas ${0}.`,
  /* gst s0c735ef820ad0f80 */ `Demandez à l’espace un autre moyen de le faire.`,
  /* hep s18f4202cee22b876 */ `Tout refonctionnera dès que votre appareil sera de nouveau en ligne.`,
  /* hhf sacca379ae305294c */ `Votre session a expiré. Veuillez vous reconnecter.`,
  /* hvo s7eb789ea0e1a7265 */ str`Trop de tentatives. Patientez ${0}, puis réessayez.`,
  /* ian s916482d478996715 */ `Cela a changé entre-temps. Vérifiez, puis réessayez.`,
  /* mub s59762eaa69a60688 */ str`${0} minutes`,
  /* nfq sa9fd5cf2e485e3c7 */ `Vous n’avez pas le droit de faire cela.`,
  /* oqn sd1a554a3f0c27c2d */ `Vous êtes hors ligne`,
  /* qcc s79d53e7a1a9db5e1 */ `Cet élément n’est encore relié à aucun espace.`,
  /* rhu sd6a94b3779163da4 */ `Vous êtes hors ligne. Vérifiez votre connexion, puis réessayez.`,
  /* rof sa9112ada987c3ec9 */ `Un problème est survenu sur le serveur ; rien n’a été modifié. Veuillez réessayer.`,
  /* rth se7e1ababbc4868b8 */ str`${0} secondes`,
  /* tct s62ad656bffe0b652 */ `Ce serveur ne propose pas cette fonction.`,
  /* tsl scd1dd6ff53d0d01a */ `Réessayer`,
  /* vna s8fc93d99ea471e66 */ str`Donnez à l’élément ${0} les attributs api et space, ou placez-le dans un élément cowork-space.`,
  /* vql s92fcd2389f1ddd2e */ `Trop de tentatives. Patientez un instant, puis réessayez.`,
];
export default translations;
