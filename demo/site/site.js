// The site's only script: a language switch. The elements follow the page's `lang` by themselves.
const button = document.querySelector('.lang');
const stored = sessionStorage.getItem('la-ruche-lang');
if (stored) document.documentElement.lang = stored;
const label = () => (button.textContent = document.documentElement.lang === 'fr' ? 'English' : 'Français');
button.addEventListener('click', () => {
  document.documentElement.lang = document.documentElement.lang === 'fr' ? 'en' : 'fr';
  sessionStorage.setItem('la-ruche-lang', document.documentElement.lang);
  label();
});
label();
