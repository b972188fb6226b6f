// Demo page: adds the #late-update paragraph 1.5 s after load, as a live news
// page would, so the extension's scanner is seen picking up late text.
window.addEventListener('load', () => {
  setTimeout(() => {
    const template = document.getElementById('late-update');
    template.before(template.content.cloneNode(true));
  }, 1500);
});
