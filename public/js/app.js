// Progressive enhancement only: every page works without this file.
document.addEventListener('change', (event) => {
  const el = event.target
  if (el instanceof HTMLSelectElement && el.hasAttribute('data-autosubmit')) el.form?.submit()
})
document.addEventListener('submit', (event) => {
  const form = event.target
  const question = form instanceof HTMLFormElement ? form.getAttribute('data-confirm') : null
  if (question && !window.confirm(question)) event.preventDefault()
})
