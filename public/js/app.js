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

// Warehouse print sheets (labels, stock cards, records, minutes): a button that opens the browser's print.
document.addEventListener('click', (event) => {
  if (event.target instanceof HTMLElement && event.target.closest('[data-print]')) window.print()
})

// Repeating form rows (parties, obligations) — add and remove rows without a front-end build.
// Without JavaScript the form still offers blank rows and keeps what was typed.
document.querySelectorAll('[data-add-row]').forEach((button) => {
  button.hidden = false
  const fieldset = button.closest('fieldset')
  fieldset.querySelectorAll('[data-remove-row]').forEach((b) => (b.hidden = false))
  button.addEventListener('click', () => {
    const template = document.getElementById(button.dataset.addRow)
    const next = fieldset.querySelectorAll('[data-row]').length + Number(fieldset.dataset.removed || 0)
    const html = template.innerHTML.replaceAll('__i__', String(next))
    button.insertAdjacentHTML('beforebegin', html)
    const added = button.previousElementSibling
    const first = added && added.querySelector('input[type=text]')
    if (first) first.focus()
  })
})
document.addEventListener('click', (event) => {
  const target = event.target
  if (!(target instanceof HTMLElement) || !target.hasAttribute('data-remove-row')) return
  const row = target.closest('[data-row]')
  const fieldset = target.closest('fieldset')
  if (row && fieldset) {
    // Indexes of the remaining rows stay unique: the server drops gaps and blank rows.
    fieldset.dataset.removed = String(Number(fieldset.dataset.removed || 0) + 1)
    row.remove()
  }
})
