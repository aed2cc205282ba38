// Do not modify this file by hand: `npm run localize -w packages/elements` writes it (scripts/localize.ts).
// The fr messages of src/sign-in/ (sign-in.ts): their keys (../message-key.ts) in one string, then the messages in that order.
import type { Translations } from '../localization.ts';
import { html } from 'lit';
import { str } from '@lit/localize';

const translations: Translations = [
  'cficldconeacflagbihftihvldtlufmaandqoqcpqdpsvtcrtnguoruuuuvgvdbvip',
  /* cfi s7cfe12cd14df9950 */ `Se déconnecter`,
  /* cld s3f53fca347b6edb5 */ `Vérification…`,
  /* con se128ef233ec8aa9e */ `Ce code est erroné ou a expiré. Vérifiez le dernier e-mail reçu, ou demandez un nouveau code.`,
  /* eac s38887b94b3320533 */ `Adresse e-mail`,
  /* fla se0bbe0801e727b1e */ `Saisissez les 6 chiffres du code reçu par e-mail.`,
  /* gbi s003758a9ba7f3776 */ str`Il est valable jusqu’à ${0}.`,
  /* hft s528b2abefd8d4556 */ `Saisissez votre adresse e-mail.`,
  /* ihv s5b452a69bc8a6989 */ str`Vous êtes connecté avec le compte de ${0}.`,
  /* ldt s6f586eeffad65d4c */ str`Si ${0} appartient à un membre, un code à 6 chiffres est en route. Saisissez-le ci-dessous.`,
  /* luf s23db8ea50e4118cf */ `Code reçu par e-mail`,
  /* maa s73aa9e7880dc7dbc */ `Les membres reçoivent un code à usage unique par e-mail. Pas de mot de passe.`,
  /* ndq h782e484c79f36939 */ html`Compte connecté : <strong>${0}</strong>`,
  /* oqc s757da1c5dd478ba0 */ `Vous êtes déconnecté.`,
  /* pqd s953bc55ab48a4a73 */ `Envoyer un nouveau code`,
  /* psv s6ead281adf0d371d */ `Envoi…`,
  /* tcr sd6135061509c83e3 */ str`Les membres de ${0} reçoivent un code à usage unique par e-mail. Pas de mot de passe.`,
  /* tng sb21d6b7ffc3acb08 */ `Saisissez une adresse e-mail comme nom@exemple.fr.`,
  /* uor s3d0698b4b3182fc2 */ str`Si ${0} appartient à un membre, nous y avons envoyé un code à 6 chiffres.`,
  /* uuu s12f361b44cf429a3 */ `Utiliser une autre adresse e-mail`,
  /* uvg s1e113f01cad1ae59 */ `Recevoir un code`,
  /* vdb s0783068ebae4f5f4 */ str`Un nouveau code est en route vers ${0}.`,
  /* vip s5e27738a2e8eb763 */ `Se connecter`,
];
export default translations;
