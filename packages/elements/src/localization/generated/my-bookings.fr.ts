// Do not modify this file by hand: `npm run localize -w packages/elements` writes it (scripts/localize.ts).
// The fr messages of src/my-bookings/ (my-bookings.ts).
import { str } from '@lit/localize';

export const templates = {
  's0610': `Oui, annuler`,
  's0db2': str`${0} chez vous`,
  's17a9': str`Les réservations s’annulent en ligne jusqu’à ${0} avant leur début. Veuillez contacter l’espace.`,
  's2998': `En attente de validation`,
  's2a88': `Espace réservé`,
  's2ceb': `Annuler`,
  's3bb7': `Annulée`,
  's3def': `La garder`,
  's3f55': str`${0} réservations de plus affichées.`,
  's4380': `Afficher plus de réservations`,
  's4f1c': str`Votre réservation de ${0} le ${1} est annulée.`,
  's6c5f': `Trop proche du début pour annuler en ligne.`,
  's6cd2': `Mes réservations`,
  's6ebc': `Chargement…`,
  's7405': `Connectez-vous pour voir vos prochaines réservations et les annuler.`,
  's8233': `Chargement de vos réservations…`,
  's84b8': `Annulation…`,
  's8bf0': `Cette réservation ne peut plus être annulée en ligne. Veuillez contacter l’espace.`,
  'sa689': `Gratuit`,
  'sc3f5': `Réservations à venir`,
  'sca93': str`Annuler ${0} le ${1}, ${2} ?`,
  'se2eb': `Impossible de charger vos réservations`,
  'sf05c': `Confirmée`,
  'sf1ab': `Vous n’avez aucune réservation à venir.`,
  'sf5c8': `Cette réservation a changé entre-temps. La liste est à jour ; vérifiez-la.`,
};
