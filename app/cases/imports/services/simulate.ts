/**
 * The dry run of one case record, without a database: the rules of the pages (state machine, grounds, amounts,
 * balances on every later day, dates, officers of the unit) applied to the record's history in date order,
 * exactly as the live actions would have applied them had each fact been recorded on time. The same function
 * produces the rows the commit writes (events, status spans, assignment spans, money entries, caches), so the
 * derived rows are those of the live path: ApproveDecision → RecordEvent / postMoney / writePartialDelegation.
 */
import { isEventType, isTerminal, ruleFor, transition, GROUNDS } from '../../state_machine.js'
import { lowestFrom, totals, type Line } from '../../services/balance.js'
import { lastBalanceDay } from '../../services/ledger.js'
import { isIsoDay } from '../../services/dates.js'
import { HISTORY_EVENTS, MONEY_ROW_KINDS } from '../format.js'
import type { ImportRecord, Row, RowError } from './record.js'
import { checkHead, parseAmount, t } from './check_head.js'
import type { Lookup, OfficerRef, Plan, PlannedEvent, PlannedMoney, UnitRef } from './plan.js'

export type { UnitRef, OfficerRef, Lookup, PlannedEvent, PlannedMoney, Plan } from './plan.js'
export { parseAmount } from './check_head.js'

/** Checks a record and, when it has no error, returns its plan. */
export function simulate(record: ImportRecord, lookup: Lookup, errors: RowError[]): Plan | null {
  const before = errors.length
  const fail = (row: Row, field: string | null, code: string, data?: Record<string, unknown>) => {
    errors.push({ line: row.line, externalId: record.externalId, field, code, data })
  }
  const {
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
  } = checkHead(record, lookup, fail)
  if (errors.length > before || !unit) return null

  // History in date order; the file's order decides within a day (as if recorded in that order).
  const dated = history.map((row) => ({ row, date: t(row.raw.date) }))
  for (const d of dated) {
    if (!isIsoDay(d.date)) fail(d.row, 'date', 'imports.errors.bad_date', { value: d.date })
    else if (d.date > lookup.today)
      fail(d.row, 'date', 'cases.errors.future_date', { date: d.date })
    else if (d.date < decisionDate)
      fail(d.row, 'date', 'cases.errors.before_decision', { date: decisionDate })
  }
  if (errors.length > before) return null
  dated.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.row.line - b.row.line))

  const officerOf = (row: Row): OfficerRef | null => {
    const email = t(row.raw.officer_email).toLowerCase()
    if (!email) {
      fail(row, 'officer_email', 'cases.errors.officer_required')
      return null
    }
    const o = lookup.officer(email)
    if (!o) fail(row, 'officer_email', 'imports.errors.unknown_officer', { email })
    else if (o.unitId !== unit.id || !o.officer)
      fail(row, 'officer_email', 'imports.errors.officer_other_unit', { email, unit: unit.code })
    else return o
    return null
  }

  const events: PlannedEvent[] = []
  const spans: Plan['spans'] = []
  const assignments: Plan['assignments'] = []
  const money: PlannedMoney[] = []
  const lines: Line[] = []
  let status = 'in_progress'
  let officerId = 0
  const plan = (e: Partial<PlannedEvent> & { type: string; date: string }) =>
    events.push({
      documentNumber: null,
      legalGround: null,
      amount: null,
      statusAfter: null,
      targetUnitId: null,
      officerId: null,
      data: null,
      note: null,
      ...e,
    }) - 1
  const addMoney = (m: Omit<PlannedMoney, 'officerId'>) => {
    money.push({ ...m, officerId: officerId || null })
    lines.push({ kind: m.kind, amount: m.amount, effectiveDate: m.date })
  }
  const openSpan = (s: string, from: string, event: number) => {
    if (spans.length) spans[spans.length - 1].to = from
    spans.push({ status: s, from, to: null, event })
  }
  const assign = (id: number, from: string) => {
    if (assignments.length) assignments[assignments.length - 1].to = from
    assignments.push({ officerId: id, from, to: null })
    officerId = id
  }

  // Acceptance (ApproveDecision): decision event, first span, obligations, first officer on the decision day.
  const approved = plan({
    type: 'decision_approved',
    date: decisionDate,
    documentNumber: t(raw.number),
    statusAfter: 'in_progress',
  })
  openSpan('in_progress', decisionDate, approved)
  const first = dated[0]
  if (!first || first.row.type !== 'assignment' || first.date !== decisionDate) {
    fail(first?.row ?? h, 'officer_email', 'imports.errors.first_assignment', {
      date: decisionDate,
    })
    return null
  }
  const firstOfficer = officerOf(first.row)
  if (!firstOfficer) return null
  officerId = firstOfficer.id
  for (const o of obligations) {
    if (o.kind === 'money' && o.amount)
      addMoney({
        kind: 'obligation',
        amount: o.amount,
        date: decisionDate,
        receiptNumber: null,
        payee: null,
        event: approved,
      })
  }
  plan({ type: 'officer_assigned', date: decisionDate, officerId: firstOfficer.id })
  assign(firstOfficer.id, decisionDate)

  for (const { row, date } of dated.slice(1)) {
    const r = row.raw
    if (row.type === 'money') {
      // postMoney
      const mk = t(r.kind)
      if (!(MONEY_ROW_KINDS as readonly string[]).includes(mk)) {
        fail(row, 'kind', 'imports.errors.bad_value', {
          field: 'kind',
          value: mk,
          allowed: MONEY_ROW_KINDS.join(', '),
        })
        break
      }
      const amount = parseAmount(r.amount)
      if (typeof amount !== 'number' || amount <= 0) {
        fail(row, 'amount', 'cases.errors.amount_positive')
        break
      }
      if (mk === 'collected' && isTerminal(status)) {
        fail(row, 'kind', 'cases.errors.case_closed', { status })
        break
      }
      if (mk === 'collected' && !t(r.receipt_number)) {
        fail(row, 'receipt_number', 'cases.errors.receipt_required')
        break
      }
      const payee = t(r.payee)
      if (mk === 'paid_out' && !['creditor', 'state_budget'].includes(payee)) {
        fail(row, 'payee', 'cases.errors.payee_required')
        break
      }
      const low = lowestFrom(lines, date, { kind: mk, amount, effectiveDate: date })
      const now = totals(lines)
      if (low.remaining < 0) {
        fail(row, 'amount', 'cases.errors.beyond_remaining', { remaining: now.remaining })
        break
      }
      if (low.held < 0) {
        fail(row, 'amount', 'cases.errors.beyond_held', { held: now.held })
        break
      }
      addMoney({
        kind: mk,
        amount,
        date,
        receiptNumber: t(r.receipt_number) || null,
        payee: mk === 'paid_out' ? payee : null,
        event: null,
      })
      continue
    }
    // RecordEvent.within (and writePartialDelegation for a partial delegation)
    const type = row.type === 'assignment' ? 'officer_assigned' : t(r.event_type)
    if (!isEventType(type) || !(HISTORY_EVENTS as readonly string[]).includes(type)) {
      fail(row, 'event_type', 'imports.errors.bad_value', {
        field: 'event_type',
        value: type,
        allowed: HISTORY_EVENTS.join(', '),
      })
      break
    }
    const rule = ruleFor(type)
    const spanStart = spans[spans.length - 1].from
    if (date < spanStart) {
      fail(row, 'date', 'cases.errors.before_last_change', { date: spanStart })
      break
    }
    const partial = type === 'delegated_out' && t(r.scope) === 'partial'
    if (type === 'delegated_out' && !['full', 'partial'].includes(t(r.scope) || 'full')) {
      fail(row, 'scope', 'imports.errors.bad_value', {
        field: 'scope',
        value: t(r.scope),
        allowed: 'full, partial',
      })
      break
    }
    const step = transition(type, status)
    if (!step.allowed) {
      fail(row, 'event_type', 'cases.errors.transition_refused', { event: type, status })
      break
    }
    const to = partial ? null : step.to
    const ground = t(r.legal_ground) || null
    if (rule.grounds && (!ground || !rule.grounds.includes(ground))) {
      fail(row, 'legal_ground', 'cases.errors.ground_required', {
        grounds: rule.grounds.join(', '),
      })
      break
    }
    const amount = parseAmount(r.amount)
    const n = typeof amount === 'number' ? amount : null
    if (amount === 'bad') {
      fail(row, 'amount', 'imports.errors.bad_amount', { value: t(r.amount) })
      break
    }
    if ((rule.amount === 'positive' || partial) && !(n !== null && n > 0)) {
      fail(row, 'amount', 'cases.errors.amount_positive')
      break
    }
    if (rule.amount === 'signed' && !(n !== null && n !== 0)) {
      fail(row, 'amount', 'cases.errors.amount_nonzero')
      break
    }
    let assignee: OfficerRef | null = null
    if (rule.assigns) {
      assignee = officerOf(row)
      if (!assignee) break
      const since = assignments[assignments.length - 1].from
      if (date < since) {
        fail(row, 'date', 'cases.errors.before_last_change', { date: since })
        break
      }
    }
    let target: UnitRef | undefined
    if (type === 'delegated_out' || type === 'withdrawn') {
      const code = t(r.target_unit_code)
      target = code ? lookup.unit(code) : undefined
      if (type === 'delegated_out' && !code) {
        fail(row, 'target_unit_code', 'imports.errors.required', { field: 'target_unit_code' })
        break
      }
      if (code && !target) {
        fail(row, 'target_unit_code', 'imports.errors.unknown_unit', { code })
        break
      }
      if (target && target.id === unit.id) {
        fail(row, 'target_unit_code', 'imports.errors.target_same_unit', { code })
        break
      }
      if (type === 'withdrawn' && target && target.id !== unit.parentId) {
        fail(row, 'target_unit_code', 'imports.errors.withdraw_target', { code })
        break
      }
    }
    const endsCase = to !== null && isTerminal(to)
    const lastDay = lastBalanceDay(lines)
    if (endsCase && lastDay && date < lastDay) {
      fail(row, 'date', 'cases.errors.before_last_money', { date: lastDay })
      break
    }
    const now = totals(lines)
    if (rule.needsSettledBalance && (now.remaining !== 0 || now.held !== 0)) {
      fail(row, 'event_type', 'cases.errors.money_left', {
        remaining: now.remaining,
        held: now.held,
      })
      break
    }
    let moneyAmount: number | null = null
    if (rule.money) {
      moneyAmount = rule.amount || partial ? n! : now.remaining
      const low = lowestFrom(lines, date, {
        kind: rule.money,
        amount: moneyAmount,
        effectiveDate: date,
      })
      if (low.remaining < 0) {
        fail(row, 'amount', 'cases.errors.beyond_remaining', { remaining: now.remaining })
        break
      }
    }
    const index = plan({
      type,
      date,
      documentNumber: t(r.number) || null,
      legalGround: ground,
      amount: moneyAmount ?? n,
      statusAfter: to,
      targetUnitId: target?.id ?? (type === 'withdrawn' ? unit.parentId : null),
      officerId: assignee?.id ?? null,
      data: type === 'delegated_out' ? { scope: partial ? 'partial' : 'full' } : null,
      note: t(r.note) || null,
    })
    if (to) {
      openSpan(to, date, index)
      status = to
    }
    if (assignee) assign(assignee.id, date)
    if (rule.money && moneyAmount)
      addMoney({
        kind: rule.money,
        amount: moneyAmount,
        date,
        receiptNumber: null,
        payee: null,
        event: index,
      })
  }
  if (errors.length > before) return null
  const end = totals(lines)
  const debtor = parties.find((p) => p.role === 'debtor')
  const creditor = parties.find((p) => p.role === 'creditor')
  return {
    unit,
    caseRow: {
      number: t(raw.number),
      decisionDate,
      kind,
      origin,
      creditInstitution: credit === true,
      summary: t(raw.note) || null,
      debtorName: debtor?.name ?? null,
      creditorName: creditor?.name ?? null,
    },
    judgment,
    parties,
    obligations,
    events,
    spans,
    assignments,
    money,
    status: spans[spans.length - 1].status,
    remaining: end.remaining,
    held: end.held,
    officerId,
    firstDate: decisionDate,
  }
}

export const NO_CONDITION_GROUNDS = GROUNDS.no_conditions
