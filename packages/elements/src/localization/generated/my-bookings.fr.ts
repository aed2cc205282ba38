// Do not modify this file by hand: `npm run localize -w packages/elements` writes it (scripts/localize.ts).
// The fr messages of src/my-bookings/ (my-bookings.ts): their keys (../message-key.ts) in one string, then the messages in that order.
import type { Translations } from '../localization.ts';
import { str } from '@lit/localize';

const translations: Translations = [
  'ahrambbracpfdngdqaecdeeceisgpbitomefnarnldoflpclqprqqerousbbtbitqcuggustvap',
  /* ahr sca93b02ba53c4193 */ str`Annuler ${0} le ${1}, ${2} ?`,
  /* amb s2ceb11be2290bb1b */ `Annuler`,
  /* bra s3bb786d3b55ba37c */ `Annulée`,
  /* cpf s8bf082135ce3fb72 */ `Cette réservation ne peut plus être annulée en ligne. Veuillez contacter l’espace.`,
  /* dng sf1ab6a9fc0d66d7b */ `Vous n’avez aucune réservation à venir.`,
  /* dqa s84b80ed4e3c0ce57 */ `Annulation…`,
  /* ecd s7405a5c34711906d */ `Connectez-vous pour voir vos prochaines réservations et les annuler.`,
  /* eec s6c5f7d9148081f4f */ `Trop proche du début pour annuler en ligne.`,
  /* eis s6ebc9bd6feae62a3 */ `Chargement…`,
  /* gpb se2ebd18cf3dcd8cc */ `Impossible de charger vos réservations`,
  /* ito sa6895584d61478fb */ `Gratuit`,
  /* mef s4f1c6615cedbea40 */ str`Votre réservation de ${0} le ${1} est annulée.`,
  /* nar s4380a0b669185ac7 */ `Afficher plus de réservations`,
  /* nld s6cd2edce4408808d */ `Mes réservations`,
  /* ofl sf5c839ab8a2a84e7 */ `Cette réservation a changé entre-temps. La liste est à jour ; vérifiez-la.`,
  /* pcl s2a88d15156dc5837 */ `Espace réservé`,
  /* qpr s3defe022074e3bb5 */ `La garder`,
  /* qqe s8233fdfa17001c1c */ `Chargement de vos réservations…`,
  /* rou sf05c700a1250824e */ `Confirmée`,
  /* sbb s17a9781e8df6e64a */ str`Les réservations s’annulent en ligne jusqu’à ${0} avant leur début. Veuillez contacter l’espace.`,
  /* tbi s0db2a87aa4998769 */ str`${0} chez vous`,
  /* tqc sc3f53d1ac0bf6f7d */ `Réservations à venir`,
  /* ugg s3f55f3c9894236cf */ str`${0} réservations de plus affichées.`,
  /* ust s2998563d980cf5b2 */ `En attente de validation`,
  /* vap s06108a9fda4d7ca7 */ `Oui, annuler`,
];
export default translations;
