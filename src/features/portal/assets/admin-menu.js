// The back-office's menu on a narrow screen (portal.css folds it below 992 px): the "Menu" button shows,
// and opens and closes the list; Escape closes it and gives the focus back to the button. Without this
// script the button stays hidden and the list stays open.
(() => {
  const button = document.querySelector('.ponte-menu-toggle');
  const nav = button?.closest('nav');
  if (!button || !nav) return;
  const set = (open) => {
    button.setAttribute('aria-expanded', String(open));
    nav.classList.toggle('is-open', open);
  };
  nav.classList.add('is-collapsible');
  button.hidden = false;
  button.addEventListener('click', () => set(button.getAttribute('aria-expanded') !== 'true'));
  nav.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || button.getAttribute('aria-expanded') !== 'true') return;
    set(false);
    button.focus();
  });
})();
