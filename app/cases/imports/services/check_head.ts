/**
 * The dry run's first half: the case row itself (unit, decision, kind, origin, credit flag, judgment) and its
 * party and obligation rows, checked as the draft decision form checks them; the dated history rows are handed
 * back for the replay in simulate.ts.
 */
import { isIsoDay } from '../../services/dates.js'
import { CASE_KINDS, CASE_ORIGINS } from '../../models/case.js'
import { JUDGMENT_TYPES } from '../../models/judgment.js'
import type { ImportRecord, Row } from './record.js'
import type { Lookup, Plan } from './plan.js'

export type Fail = (
  row: Row,
  field: string | null,
  code: string,
  data?: Record<string, unknown>
) => void

export const t = (v: string | undefined) => (v ?? '').trim()

/** Integer VND from a cell: digits with optional sign; thousands separators (. , space) are tolerated. */
export function parseAmount(v: string | undefined): number | null | 'bad' {
  const s = t(v).replace(/[\s.,](?=\d{3}(\D|$))/g, '')
  if (s === '') return null
  if (!/^-?\d+$/.test(s)) return 'bad'
  const n = Number(s)
  return Number.isSafeInteger(n) ? n : 'bad'
}

function bool(v: string | undefined): boolean | 'bad' {
  const s = t(v).toLowerCase()
  if (['', '0', 'false', 'không', 'khong', 'no'].includes(s)) return false
  if (['1', 'true', 'có', 'co', 'yes', 'x'].includes(s)) return true
  return 'bad'
}

export function checkHead(record: ImportRecord, lookup: Lookup, fail: Fail) {
  const h = record.head
  const raw = h.raw
  const unit = lookup.unit(t(raw.unit_code))
  if (!unit) fail(h, 'unit_code', 'imports.errors.unknown_unit', { code: t(raw.unit_code) })
  const decisionDate = t(raw.date)
  if (!isIsoDay(decisionDate)) fail(h, 'date', 'imports.errors.bad_date', { value: decisionDate })
  else if (decisionDate > lookup.today)
    fail(h, 'date', 'cases.errors.future_date', { date: decisionDate })
  if (!t(raw.number)) fail(h, 'number', 'imports.errors.required', { field: 'number' })
  const kind = t(raw.kind)
  if (!(CASE_KINDS as readonly string[]).includes(kind))
    fail(h, 'kind', 'imports.errors.bad_value', {
      field: 'kind',
      value: kind,
      allowed: CASE_KINDS.join(', '),
    })
  const origin = t(raw.origin) || 'new'
  if (!(CASE_ORIGINS as readonly string[]).includes(origin))
    fail(h, 'origin', 'imports.errors.bad_value', {
      field: 'origin',
      value: origin,
      allowed: CASE_ORIGINS.join(', '),
    })
  const credit = bool(raw.credit_institution)
  if (credit === 'bad')
    fail(h, 'credit_institution', 'imports.errors.bad_value', {
      field: 'credit_institution',
      value: t(raw.credit_institution),
      allowed: '0, 1',
    })
  let judgment: Plan['judgment'] = null
  if (t(raw.judgment_date) || t(raw.court) || t(raw.judgment_number)) {
    const jd = t(raw.judgment_date)
    const jt = t(raw.judgment_type) || 'civil'
    if (!isIsoDay(jd)) fail(h, 'judgment_date', 'imports.errors.bad_date', { value: jd })
    else if (isIsoDay(decisionDate) && decisionDate < jd)
      fail(h, 'date', 'cases.errors.decision_before_source', { date: jd })
    if (!t(raw.court)) fail(h, 'court', 'imports.errors.required', { field: 'court' })
    if (!(JUDGMENT_TYPES as readonly string[]).includes(jt))
      fail(h, 'judgment_type', 'imports.errors.bad_value', {
        field: 'judgment_type',
        value: jt,
        allowed: JUDGMENT_TYPES.join(', '),
      })
    judgment = { number: t(raw.judgment_number) || null, date: jd, court: t(raw.court), type: jt }
  }

  const parties: Plan['parties'] = []
  const obligations: Plan['obligations'] = []
  const history: Row[] = []
  for (const row of record.rows) {
    const r = row.raw
    if (row.type === 'party') {
      const role = t(r.role)
      if (!['creditor', 'debtor', 'related'].includes(role))
        fail(row, 'role', 'imports.errors.bad_value', {
          field: 'role',
          value: role,
          allowed: 'creditor, debtor, related',
        })
      if (!t(r.name)) fail(row, 'name', 'imports.errors.required', { field: 'name' })
      const pc = bool(r.credit_institution)
      parties.push({
        role,
        name: t(r.name),
        address: t(r.address) || null,
        idNumber: t(r.id_number) || null,
        credit: pc === true,
      })
    } else if (row.type === 'obligation') {
      const ok = t(r.kind)
      const amount = parseAmount(r.amount)
      if (!['money', 'non_money'].includes(ok))
        fail(row, 'kind', 'imports.errors.bad_value', {
          field: 'kind',
          value: ok,
          allowed: 'money, non_money',
        })
      if (!t(r.description))
        fail(row, 'description', 'imports.errors.required', { field: 'description' })
      if (ok === 'money' && (amount === null || amount === 'bad' || amount <= 0))
        fail(row, 'amount', 'cases.errors.amount_positive')
      const payee = t(r.payee) || (ok === 'money' ? 'creditor' : '')
      if (ok === 'money' && !['creditor', 'state_budget'].includes(payee))
        fail(row, 'payee', 'imports.errors.bad_value', {
          field: 'payee',
          value: payee,
          allowed: 'creditor, state_budget',
        })
      obligations.push({
        kind: ok,
        description: t(r.description),
        amount: ok === 'money' && typeof amount === 'number' ? amount : null,
        payee: ok === 'money' ? payee : null,
      })
    } else {
      history.push(row)
    }
  }
  return {
    h,
    raw,
    unit,
    decisionDate,
    judgment,
    parties,
    obligations,
    history,
    kind,
    origin,
    credit,
  }
}
