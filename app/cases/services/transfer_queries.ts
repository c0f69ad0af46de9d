/** Read models of the transfer flows: lists scoped to the reader's reach, detail pages, the case panel. */
import type { Infer } from '@vinejs/vine/types'
import { User, Unit, reachPrefix, reaches } from '#accounts'
import { AccessDenied, whereContains, boundedPaginate } from '#core'
import type Case from '../models/case.js'
import CaseModel from '../models/case.js'
import Handover from '../models/handover.js'
import HandoverCase from '../models/handover_case.js'
import Delegation, { DELEGATION_TARGET_LEVELS } from '../models/delegation.js'
import { isOpen } from '../state_machine.js'
import { SUBTREE_READERS, canReadCase, canRecord, isHeadOf } from './access.js'
import { today } from './dates.js'
import type { delegationFilterValidator, handoverFilterValidator } from '../validators/transfers.js'

const READERS = [...SUBTREE_READERS]

export function handoverScope(user: User) {
  const query = Handover.query()
  if (user.hasRole('inspector')) return query
  const prefix = reachPrefix(user, READERS)
  return query.where((w) => {
    w.whereRaw('1 = 0')
    if (prefix === '/') w.orWhereRaw('1 = 1')
    else if (prefix) w.orWhere('unit_path', 'like', `${prefix}%`)
    if (user.hasRole('officer'))
      w.orWhere('from_officer_id', user.id).orWhere('to_officer_id', user.id)
  })
}

export function canReadHandover(user: User, h: Handover): boolean {
  if (user.hasRole('inspector')) return true
  const prefix = reachPrefix(user, READERS)
  if (prefix && h.unitPath.startsWith(prefix)) return true
  return user.hasRole('officer') && (h.fromOfficerId === user.id || h.toOfficerId === user.id)
}

export function listHandovers(user: User, filters: Infer<typeof handoverFilterValidator>) {
  const query = handoverScope(user).preload('fromOfficer').preload('toOfficer').preload('unit')
  if (filters.status) query.where('status', filters.status)
  query.orderBy('created_at', 'desc').orderBy('id', 'desc')
  return boundedPaginate<Handover>(query, filters.page ?? 1, 25)
}

export async function handoverDetail(user: User, id: number) {
  const h = await Handover.query()
    .where('id', id)
    .preload('fromOfficer')
    .preload('toOfficer')
    .preload('requestedBy')
    .preload('confirmedBy')
    .preload('unit')
    .firstOrFail()
  if (!canReadHandover(user, h))
    throw new AccessDenied('outside_jurisdiction', { type: 'handover', id: h.id })
  const items = await HandoverCase.query().where('handover_id', h.id).preload('case').orderBy('id')
  return { handover: h, items, canDecide: h.status === 'proposed' && isHeadOf(user, h.unitId) }
}

/** Open cases an officer holds (the handover form's choices), with held and remaining. */
export function openCasesOf(officerId: number, unitId: number) {
  return CaseModel.query()
    .where('officer_id', officerId)
    .where('unit_id', unitId)
    .where('draft_status', 'approved')
    .whereIn('status', ['in_progress', 'no_conditions', 'postponed', 'suspended'])
    .orderBy('decision_date')
    .orderBy('id')
}

export function canReadDelegation(user: User, d: Delegation, c?: Pick<Case, 'officerId'>): boolean {
  if (user.hasRole('inspector')) return true
  const prefix = reachPrefix(user, READERS)
  if (prefix && (d.fromUnitPath.startsWith(prefix) || d.toUnitPath.startsWith(prefix))) return true
  if (user.hasRole('intake_clerk') && (user.unitId === d.toUnitId || user.unitId === d.fromUnitId))
    return true
  return user.hasRole('officer') && (d.proposedById === user.id || c?.officerId === user.id)
}

/** The inbox of one unit: delegations it received (incoming) or sent (outgoing). */
export async function listDelegations(
  user: User,
  filters: Infer<typeof delegationFilterValidator>
) {
  let unit: Unit = user.unit as unknown as Unit
  if (filters.unit && filters.unit !== user.unit.code) {
    const wanted = await Unit.findBy('code', filters.unit)
    if (!wanted) throw new AccessDenied('outside_jurisdiction', { type: 'unit' })
    if (!reaches(user, wanted, [...READERS, 'inspector']))
      throw new AccessDenied('outside_jurisdiction', { type: 'unit', id: wanted.id })
    unit = wanted
  }
  const box = filters.box ?? 'incoming'
  const query = Delegation.query()
    .preload('case')
    .preload('fromUnit')
    .preload('toUnit')
    .preload('newCase')
  const officerOnly = !user.hasRole('inspector', ...READERS, 'intake_clerk')
  if (officerOnly) {
    query
      .where('from_unit_id', unit.id)
      .where((w) =>
        w
          .where('proposed_by_id', user.id)
          .orWhereIn('case_id', (s) => s.from('cases').select('id').where('officer_id', user.id))
      )
  } else {
    query.where(box === 'incoming' ? 'to_unit_id' : 'from_unit_id', unit.id)
    // Incoming proposals not yet confirmed by the sender are the sender's business.
    if (box === 'incoming') query.whereNot('status', 'proposed').whereNot('status', 'rejected')
  }
  if (filters.status) query.where('status', filters.status)
  if (filters.scope) query.where('scope', filters.scope)
  if (filters.q) {
    const q = filters.q
    query.whereIn('case_id', (s) =>
      whereContains(s.from('cases').select('id'), ['number', 'debtor_name'], q)
    )
  }
  query.orderBy('updated_at', 'desc').orderBy('id', 'desc')
  const page = await boundedPaginate<any>(query, filters.page ?? 1, filters.per_page ?? 25)
  return { page, unit, box: officerOnly ? 'outgoing' : box }
}

export async function delegationDetail(user: User, id: number) {
  const d = await Delegation.query()
    .where('id', id)
    .preload('case')
    .preload('fromUnit')
    .preload('toUnit')
    .preload('newCase')
    .preload('proposedBy')
    .preload('confirmedBy')
    .preload('receivedBy')
    .firstOrFail()
  if (!canReadDelegation(user, d, d.case))
    throw new AccessDenied('outside_jurisdiction', { type: 'delegation', id: d.id })
  const receiver = user.unitId === d.toUnitId && user.hasRole('head', 'intake_clerk')
  return {
    delegation: d,
    canConfirm: d.status === 'proposed' && isHeadOf(user, d.fromUnitId),
    canReceive: d.status === 'confirmed' && receiver,
  }
}

/** Units a case may be delegated to (other civil offices and the military enforcement units). */
export function delegationTargets(exceptUnitId: number) {
  return Unit.query()
    .whereIn('level', [...DELEGATION_TARGET_LEVELS])
    .whereNot('id', exceptUnitId)
    .whereNull('valid_to')
    .orderBy('level')
    .orderBy('code')
}

/** What the case page shows about transfers, and which transfer actions the reader may start. */
export async function caseTransfers(c: Case, user: User) {
  const handovers = await HandoverCase.query().where('case_id', c.id).preload('case').orderBy('id')
  const handoverRows = handovers.length
    ? await Handover.query()
        .whereIn(
          'id',
          handovers.map((h) => h.handoverId)
        )
        .preload('fromOfficer')
        .preload('toOfficer')
        .orderBy('id')
    : []
  const heldByHandover = Object.fromEntries(handovers.map((h) => [h.handoverId, h.held]))
  const delegations = await Delegation.query()
    .where('case_id', c.id)
    .preload('toUnit')
    .preload('newCase')
    .orderBy('id')
  const source = c.sourceCaseId
    ? await CaseModel.query().where('id', c.sourceCaseId).preload('unit').first()
    : null
  const derived = await CaseModel.query()
    .where('source_case_id', c.id)
    .preload('unit')
    .orderBy('id')
  const open = c.draftStatus === 'approved' && isOpen(c.status)
  const head = isHeadOf(user, c.unitId)
  const unit = await Unit.find(c.unitId)
  const pending = delegations.some((d) => d.status === 'proposed' || d.status === 'confirmed')
  const can = {
    delegate: open && !pending && (head || canRecord(user, c)),
    confirmNow: head,
    withdraw:
      open &&
      !!unit &&
      ['district', 'regional'].includes(unit.level) &&
      user.hasRole('head') &&
      unit.parentId === user.unitId,
    revoke: open && !!unit && reaches(user, unit, ['head']),
    handover: open && (head || canRecord(user, c)),
  }
  const targets = can.delegate ? await delegationTargets(c.unitId) : []
  return {
    handovers: handoverRows,
    heldByHandover,
    delegations,
    source: source && canReadCase(user, source) ? source : null,
    sourceNumber: source?.number ?? null,
    derived: derived.filter((d) => canReadCase(user, d)),
    can,
    targets,
    today: today(),
  }
}
