// Do not modify this file by hand: `npm run localize -w packages/elements` writes it (scripts/localize.ts).
// The fr messages of src/sign-in/ (sign-in.ts).
import { html } from 'lit';
import { str } from '@lit/localize';

export const templates = {
  'h782e': html`Compte connecté : <strong>${0}</strong>`,
  's0037': str`Il est valable jusqu’à ${0}.`,
  's0783': str`Un nouveau code est en route vers ${0}.`,
  's12f3': `Utiliser une autre adresse e-mail`,
  's1e11': `Recevoir un code`,
  's23db': `Code reçu par e-mail`,
  's3888': `Adresse e-mail`,
  's3d06': str`Si ${0} appartient à un membre, nous y avons envoyé un code à 6 chiffres.`,
  's3f53': `Vérification…`,
  's528b': `Saisissez votre adresse e-mail.`,
  's5b45': str`Vous êtes connecté avec le compte de ${0}.`,
  's5e27': `Se connecter`,
  's6ead': `Envoi…`,
  's6f58': str`Si ${0} appartient à un membre, un code à 6 chiffres est en route. Saisissez-le ci-dessous.`,
  's73aa': `Les membres reçoivent un code à usage unique par e-mail. Pas de mot de passe.`,
  's757d': `Vous êtes déconnecté.`,
  's7cfe': `Se déconnecter`,
  's953b': `Envoyer un nouveau code`,
  'sb21d': `Saisissez une adresse e-mail comme nom@exemple.fr.`,
  'sd613': str`Les membres de ${0} reçoivent un code à usage unique par e-mail. Pas de mot de passe.`,
  'se0bb': `Saisissez les 6 chiffres du code reçu par e-mail.`,
  'se128': `Ce code est erroné ou a expiré. Vérifiez le dernier e-mail reçu, ou demandez un nouveau code.`,
};
