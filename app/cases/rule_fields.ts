import { DateTime } from 'luxon'
import { registerPlaceholderFormat, registerRuleFields } from '#core'

const isoDay = (value: unknown) => {
  const dt = DateTime.fromISO(String(value))
  return dt.isValid && /^\d{4}-\d{2}-\d{2}$/.test(String(value)) ? dt.toFormat('dd/LL/yyyy') : value
}

/** Rule refusals of the cases module and the form field each is about (shown next to that field). */
export function registerCaseRuleFields() {
  registerPlaceholderFormat('ui.errors.', 'date', isoDay)
  registerPlaceholderFormat('ui.errors.', 'receivedOn', isoDay)
  registerRuleFields({
    'cases.errors.amount_positive': 'amount',
    'cases.errors.beyond_remaining': 'amount',
    'cases.errors.beyond_held': 'amount',
    'cases.errors.receipt_required': 'receipt_number',
    'cases.errors.payee_required': 'payee',
    'cases.errors.before_decision': 'effective_date',
    'cases.errors.debtor_required': 'parties',
    'cases.errors.obligation_required': 'obligations',
    'cases.errors.judgment_required': 'judgment_id',
    'cases.errors.judgment_not_found': 'judgment_id',
    'cases.errors.request_required': 'request_id',
    'cases.errors.request_not_found': 'request_id',
    'cases.errors.request_not_pending': 'request_id',
    'ui.errors.duplicate_judgment': 'number',
    'cases.errors.reject_comment_required': 'comment',
    // A closed period refuses the day chosen on the form.
    ...Object.fromEntries(
      ['period_closed', 'submitted', 'year_closed', 'future', 'future_date', 'invalid_date'].map(
        (reason) => [`periods.locked.${reason}`, 'effective_date']
      )
    ),
  })
}
