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

// Account form: offer only the roles this admin may grant in the chosen unit (the server checks again).
function filterGrantableRoles(select) {
  const option = select.selectedOptions[0]
  const allowed = option && option.dataset.roles !== undefined ? option.dataset.roles.split(',') : null
  for (const box of select.form.querySelectorAll('input[name="roles[]"]')) {
    const ok = !allowed || allowed.includes(box.value)
    box.disabled = !ok
    if (!ok) box.checked = false
  }
}
document.addEventListener('change', (event) => {
  if (event.target instanceof HTMLSelectElement && event.target.hasAttribute('data-role-filter')) filterGrantableRoles(event.target)
})
document.querySelectorAll('select[data-role-filter]').forEach((select) => {
  if (select.value) filterGrantableRoles(select)
})

// Issue 11: print buttons on print views.
document.querySelectorAll('[data-print]').forEach((button) => {
  button.addEventListener('click', () => window.print())
})
