/**
 * Shared pieces of the transfer flows (handover, delegation, withdrawal): who may act, the receiving
 * unit's new draft decision, and the partial delegation write. Always inside the caller's transaction.
 */
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { DateTime } from 'luxon'
import { User, Unit, reaches } from '#accounts'
import { AccessDenied, RuleViolation } from '#core'
import { assertWritable } from '#periods'
import { recordAudit } from '#audit'
import Case from '../models/case.js'
import Judgment from '../models/judgment.js'
import { transition } from '../state_machine.js'
import { lockCase } from './case_lock.js'
import { lowestFrom, totals } from './balance.js'
import { currentSpanStart } from './spans.js'
import { finishEventWrite, insertEvent, insertMoney, loadLines } from './ledger.js'
import { refreshSearchTerms } from './search/terms.js'
import { SUBTREE_READERS } from './access.js'

/** Refuses a user who is not the head of `unit`: out of reach → outside_jurisdiction, else not_unit_head. */
export function assertHeadOf(
  user: User,
  unit: Pick<Unit, 'id' | 'path'>,
  subject: { type: string; id?: number | null }
) {
  if (user.hasRole('head') && user.unitId === unit.id) return
  if (!reaches(user, unit, [...SUBTREE_READERS, 'officer', 'intake_clerk']))
    throw new AccessDenied('outside_jurisdiction', subject)
  throw new AccessDenied('not_unit_head', subject)
}

/** An active officer with roles and unit loaded, or null. */
export async function activeOfficer(trx: TransactionClientContract, id: number | null | undefined) {
  if (!id) return null
  const user = await User.query({ client: trx }).where('id', id).preload('roles').first()
  return user && user.isActive && user.hasRole('officer') ? user : null
}

export const nowSql = () => DateTime.utc().toFormat('yyyy-MM-dd HH:mm:ss')

/**
 * The receiving unit's own decision for a transferred case: a submitted draft (origin delegated_in or
 * withdrawn_in, source_case_id set) with the parties, a copy of the judgment in the receiver's register
 * and one money obligation of `amount`. The receiving head approves it with the receiver's own number,
 * date and officer through the ordinary approval (ApproveDecision).
 */
export async function createReceivingDraft(
  trx: TransactionClientContract,
  actor: User,
  source: Case,
  receiver: Unit,
  input: {
    origin: 'delegated_in' | 'withdrawn_in'
    amount: number
    receivedOn: string
    documentNumber: string | null
    fromUnitName: string
    copyNonMoney: boolean
  }
): Promise<Case> {
  let judgmentId: number | null = null
  if (source.judgmentId) {
    const j = await Judgment.find(source.judgmentId, { client: trx })
    if (j) {
      const copy = new Judgment()
      copy.useTransaction(trx)
      copy.fill({
        unitId: receiver.id,
        number: j.number,
        judgmentDate: j.judgmentDate,
        court: j.court,
        type: j.type,
        parties: j.parties,
        summary: `${input.fromUnitName} → ${source.number ?? ''}`.slice(0, 2000),
        receivedOn: input.receivedOn,
        createdById: actor.id,
      })
      await copy.save()
      judgmentId = copy.id
    }
  }
  const draft = new Case()
  draft.useTransaction(trx)
  draft.fill({
    unitId: receiver.id,
    unitPath: receiver.path,
    year: Number(input.receivedOn.slice(0, 4)),
    draftStatus: 'submitted',
    status: 'draft',
    kind: source.kind,
    origin: input.origin,
    sourceCaseId: source.id,
    judgmentId,
    requestId: null,
    creditInstitution: source.creditInstitution,
    area: source.area,
    debtorName: source.debtorName,
    creditorName: source.creditorName,
    summary: source.summary,
    draftedById: actor.id,
  })
  await draft.save()
  const parties = await trx.from('case_parties').where('case_id', source.id).orderBy('id')
  if (parties.length) {
    await trx
      .insertQuery()
      .table('case_parties')
      .multiInsert(parties.map(({ id: _id, ...p }) => ({ ...p, case_id: draft.id })))
  }
  await refreshSearchTerms(trx, draft.id)
  const obligations = await trx.from('case_obligations').where('case_id', source.id).orderBy('id')
  const payee = obligations.find((o) => o.kind === 'money')?.payee ?? 'creditor'
  const rows: Record<string, unknown>[] = []
  const basis = `${input.fromUnitName}${input.documentNumber ? `, ${input.documentNumber}` : ''} (${source.number ?? source.id})`
  if (input.amount > 0) {
    rows.push({
      case_id: draft.id,
      kind: 'money',
      description:
        `${obligations.find((o) => o.kind === 'money')?.description ?? '—'} — ${basis}`.slice(
          0,
          2000
        ),
      amount: input.amount,
      payee,
    })
  }
  if (input.copyNonMoney) {
    for (const o of obligations.filter((x) => x.kind === 'non_money')) {
      rows.push({
        case_id: draft.id,
        kind: 'non_money',
        description: o.description,
        amount: null,
        payee: null,
      })
    }
  }
  if (rows.length === 0)
    rows.push({
      case_id: draft.id,
      kind: 'non_money',
      description: basis,
      amount: null,
      payee: null,
    })
  await trx.insertQuery().table('case_obligations').multiInsert(rows)
  await recordAudit(
    {
      actor,
      unit: { id: receiver.id, path: receiver.path },
      action: 'case.draft_created',
      subjectType: 'case',
      subjectId: draft.id,
      after: {
        draftStatus: 'submitted',
        origin: input.origin,
        sourceCaseId: source.id,
        amount: input.amount,
      },
    },
    trx
  )
  return draft
}

/**
 * Partial delegation on the sender's case: a `delegated_out` event that leaves the status unchanged and a
 * `delegated_amount` entry; the case continues with the rest. Same checks as the event core.
 */
export async function writePartialDelegation(
  trx: TransactionClientContract,
  actor: User,
  caseId: number,
  input: {
    amount: number
    effectiveDate: string
    documentNumber: string | null
    targetUnitId: number
    delegationId: number
  }
): Promise<{ case: Case; eventId: number }> {
  const c = await lockCase(trx, caseId)
  if (!c) throw new RuleViolation('transfers.errors.case_missing')
  if (c.draftStatus !== 'approved') throw new RuleViolation('cases.errors.not_accepted')
  if (!transition('delegated_out', c.status).allowed)
    throw new RuleViolation('cases.errors.transition_refused', {
      event: 'delegated_out',
      status: c.status,
    })
  const day = input.effectiveDate
  if (day < c.decisionDate!)
    throw new RuleViolation('cases.errors.before_decision', { date: c.decisionDate })
  const spanStart = await currentSpanStart(trx, c.id)
  if (spanStart && day < spanStart)
    throw new RuleViolation('cases.errors.before_last_change', { date: spanStart })
  const { editRequestId } = await assertWritable(c.unitId, day, {
    actorId: actor.id,
    caseId: c.id,
    trx,
  })
  const lines = await loadLines(trx, c.id)
  const low = lowestFrom(lines, day, {
    kind: 'delegated_amount',
    amount: input.amount,
    effectiveDate: day,
  })
  if (low.remaining < 0)
    throw new RuleViolation('cases.errors.beyond_remaining', { remaining: totals(lines).remaining })
  const before = { status: c.status, remaining: c.remaining, held: c.held, officerId: c.officerId }
  const eventId = await insertEvent(trx, c, {
    type: 'delegated_out',
    effectiveDate: day,
    actorId: actor.id,
    documentNumber: input.documentNumber,
    amount: input.amount,
    statusAfter: null,
    targetUnitId: input.targetUnitId,
    data: { delegationId: input.delegationId, scope: 'partial' },
    editRequestId,
  })
  await insertMoney(trx, c, {
    kind: 'delegated_amount',
    amount: input.amount,
    effectiveDate: day,
    actorId: actor.id,
    eventId,
    editRequestId,
  })
  await finishEventWrite(trx, actor, c, before, {
    event: 'delegated_out',
    eventId,
    effectiveDate: day,
    amount: input.amount,
    editRequestId,
  })
  return { case: c, eventId }
}
