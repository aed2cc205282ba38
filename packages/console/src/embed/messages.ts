/** The embedding section's words, in English and in French (the French catalogue has the English one's type). */
export const en = {
  heading: 'The widgets on your website',
  intro: 'Paste one of these snippets into a page of the space’s website (an HTML block of WordPress, say): it shows that element with this space’s data, in the page’s language. Add the page’s address to the allowed origins of the space first.',
  cdn: 'Where the elements’ files are served',
  cdnHint: 'This server serves them at /cdn/; change it if you host them elsewhere.',
  copy: 'Copy',
  copied: 'Copied.',
  copyRefused: 'The browser refused to copy: the snippet is selected, copy it with Ctrl+C.',
  elements: {
    'cowork-booking': 'Booking widget: the resources, their availability and the booking journey',
    'cowork-event-calendar': 'Event calendar, with registration',
    'cowork-member-directory': 'Member directory (members who agreed to appear in it)',
    'cowork-my-bookings': 'A member’s upcoming bookings, with cancellation',
    'cowork-sign-in': 'Sign-in of members with a one-time code',
  } as Record<string, string>,
};

export type EmbedMessages = typeof en;

export const fr: EmbedMessages = {
  heading: 'Les éléments sur votre site',
  intro: 'Collez l’un de ces extraits dans une page du site de l’espace (un bloc HTML de WordPress, par exemple)\u00a0: il y montre cet élément avec les données de cet espace, dans la langue de la page. Ajoutez d’abord l’adresse du site aux origines autorisées de l’espace.',
  cdn: 'Où les fichiers des éléments sont servis',
  cdnHint: 'Ce serveur les sert à /cdn/\u00a0; changez-le si vous les hébergez ailleurs.',
  copy: 'Copier',
  copied: 'Copié.',
  copyRefused: 'Le navigateur a refusé de copier\u00a0: l’extrait est sélectionné, copiez-le avec Ctrl+C.',
  elements: {
    'cowork-booking': 'Réservation\u00a0: les ressources, leurs disponibilités et tout le parcours',
    'cowork-event-calendar': 'Agenda des événements, avec inscription',
    'cowork-member-directory': 'Annuaire des membres (ceux qui ont accepté d’y figurer)',
    'cowork-my-bookings': 'Les prochaines réservations d’un membre, avec annulation',
    'cowork-sign-in': 'Connexion des membres avec un code à usage unique',
  },
};
