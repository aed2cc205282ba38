// Do not modify this file by hand: `npm run localize -w packages/elements` writes it (scripts/localize.ts).
// The fr messages of src/my-bookings/ (my-bookings.ts).
import { str } from '@lit/localize';

export const templates = {
  's06108a9fda4d7ca7': `Oui, annuler`,
  's0db2a87aa4998769': str`${0} chez vous`,
  's17a9781e8df6e64a': str`Les réservations s’annulent en ligne jusqu’à ${0} avant leur début. Veuillez contacter l’espace.`,
  's2998563d980cf5b2': `En attente de validation`,
  's2a88d15156dc5837': `Espace réservé`,
  's2ceb11be2290bb1b': `Annuler`,
  's3bb786d3b55ba37c': `Annulée`,
  's3defe022074e3bb5': `La garder`,
  's3f55f3c9894236cf': str`${0} réservations de plus affichées.`,
  's4380a0b669185ac7': `Afficher plus de réservations`,
  's4f1c6615cedbea40': str`Votre réservation de ${0} le ${1} est annulée.`,
  's6c5f7d9148081f4f': `Trop proche du début pour annuler en ligne.`,
  's6cd2edce4408808d': `Mes réservations`,
  's6ebc9bd6feae62a3': `Chargement…`,
  's7405a5c34711906d': `Connectez-vous pour voir vos prochaines réservations et les annuler.`,
  's8233fdfa17001c1c': `Chargement de vos réservations…`,
  's84b80ed4e3c0ce57': `Annulation…`,
  's8bf082135ce3fb72': `Cette réservation ne peut plus être annulée en ligne. Veuillez contacter l’espace.`,
  'sa6895584d61478fb': `Gratuit`,
  'sc3f53d1ac0bf6f7d': `Réservations à venir`,
  'sca93b02ba53c4193': str`Annuler ${0} le ${1}, ${2} ?`,
  'se2ebd18cf3dcd8cc': `Impossible de charger vos réservations`,
  'sf05c700a1250824e': `Confirmée`,
  'sf1ab6a9fc0d66d7b': `Vous n’avez aucune réservation à venir.`,
  'sf5c839ab8a2a84e7': `Cette réservation a changé entre-temps. La liste est à jour ; vérifiez-la.`,
};
