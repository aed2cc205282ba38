import { mailLanguage } from './auth.ts';
import type { Mail } from './mailer.ts';
import type { Space } from './spaces.ts';

type InvitedSpace = Pick<Space, 'name' | 'translations' | 'languages' | 'contact'>;

const texts = {
  fr: (spaceName: string, name: string, email: string, website: string | undefined) => ({
    subject: `Bienvenue à ${spaceName}`,
    text: [
      `Bonjour ${name},`,
      '',
      `L’équipe de ${spaceName} vous a inscrit comme membre.`,
      '',
      'Pour vous connecter, il n’y a pas de mot de passe :',
      website ? `sur ${website}, choisissez « Se connecter »,` : 'sur le site de l’espace, choisissez « Se connecter »,',
      `indiquez cette adresse (${email}) et vous recevrez un code à usage unique.`,
      '',
      'Si vous ne connaissez pas cet espace, ignorez ce message : personne ne peut se connecter sans recevoir un code à cette adresse.',
      '',
      `— ${spaceName}`,
    ].join('\n'),
  }),
  en: (spaceName: string, name: string, email: string, website: string | undefined) => ({
    subject: `Welcome to ${spaceName}`,
    text: [
      `Hello ${name},`,
      '',
      `The team of ${spaceName} made you a member.`,
      '',
      'There is no password to sign in:',
      website ? `on ${website}, choose "Sign in",` : 'on the space’s website, choose "Sign in",',
      `give this address (${email}) and you will receive a one-time code.`,
      '',
      'If you do not know this space, ignore this message: nobody can sign in without receiving a code at this address.',
      '',
      `— ${spaceName}`,
    ].join('\n'),
  }),
} as const;

/**
 * The mail a member created by staff receives: how to sign in (with a one-time code sent to this
 * address, on the space's website), in the space's first language the server has a text for.
 */
export function invitationMail(space: InvitedSpace, to: { email: string; displayName: string }): Mail {
  const language = mailLanguage(space, undefined);
  const translated = (space.translations as Record<string, { name?: string }> | undefined)?.[language]?.name;
  const { subject, text } = texts[language](translated ?? space.name, to.displayName, to.email, space.contact?.website);
  return { to: to.email, subject, text };
}
