/**
 * The electronic database of debtors without conditions to pay (Law Art. 44a, SPEC §7).
 * A no-conditions decision queues a `debtor.published` message due within 5 working days; a change of the
 * published fields (or an update the officer records) queues `debtor.updated` within 3; leaving the
 * no-conditions status (resume, termination, completion, …) or a recorded removal queues `debtor.removed`
 * within 2. Everything happens in the transaction of the case event; `debtor_listings` is the public list.
 */
import type { CaseEventNotice } from '#core'
import { defineIntegration, foldKey, type IntegrationHost } from '#integrations'

export const DUE_WORKING_DAYS = { publish: 5, update: 3, remove: 2 } as const

type Fields = {
  unit_id: number
  province_id: number | null
  unit_path: string
  unit_name: string
  debtor_name: string
  name_key: string
  debtor_address: string | null
  judgment: string
  decision: string
  obligation: string
  reason: string
}

const day = (v: unknown) => (v ? String(v).slice(0, 10) : '')

async function publishedFields(host: IntegrationHost, caseId: number): Promise<Fields | null> {
  const { trx } = host
  const c = await trx
    .from('cases as c')
    .join('units as u', 'u.id', 'c.unit_id')
    .leftJoin('units as p', 'p.id', 'u.parent_id')
    .leftJoin('judgments as j', 'j.id', 'c.judgment_id')
    .where('c.id', caseId)
    .select(
      'c.unit_id',
      'c.unit_path',
      'u.name as unit_name',
      'u.level as unit_level',
      'p.id as parent_id',
      'p.level as parent_level',
      'c.number',
      'c.decision_date',
      'c.debtor_name',
      'c.remaining',
      'j.number as j_number',
      'j.judgment_date',
      'j.court'
    )
    .first()
  if (!c) return null
  const debtor = await trx
    .from('case_parties')
    .where('case_id', caseId)
    .where('role', 'debtor')
    .orderBy('id')
    .select('name', 'address')
    .first()
  const obligations = await trx
    .from('case_obligations')
    .where('case_id', caseId)
    .orderBy('id')
    .select('description', 'amount')
  const ground = await trx
    .from('case_events')
    .where('case_id', caseId)
    .where('type', 'no_conditions')
    .orderBy('effective_date', 'desc')
    .orderBy('id', 'desc')
    .select('legal_ground')
    .first()
  const name = debtor?.name ?? c.debtor_name ?? '—'
  const obligationText = obligations
    .map((o: any) => (o.amount ? `${o.description} (${Number(o.amount)} đồng)` : o.description))
    .join('; ')
  return {
    unit_id: Number(c.unit_id),
    province_id:
      c.unit_level === 'province'
        ? Number(c.unit_id)
        : c.parent_level === 'province'
          ? Number(c.parent_id)
          : null,
    unit_path: c.unit_path,
    unit_name: c.unit_name,
    debtor_name: name,
    name_key: foldKey(name),
    debtor_address: debtor?.address ?? null,
    judgment: [c.j_number, day(c.judgment_date), c.court].filter(Boolean).join(' · ') || '—',
    decision: [c.number, day(c.decision_date)].filter(Boolean).join(' · ') || '—',
    obligation: `${obligationText}${obligationText ? '; ' : ''}còn phải thi hành ${Number(c.remaining)} đồng`,
    reason: ground?.legal_ground ?? '44a.1',
  }
}

const SAME = [
  'debtor_name',
  'debtor_address',
  'judgment',
  'decision',
  'obligation',
  'reason',
] as const

function payload(caseId: number, f: Fields, notice: CaseEventNotice, dueOn: string) {
  return {
    case_id: caseId,
    unit_name: f.unit_name,
    debtor_name: f.debtor_name,
    debtor_address: f.debtor_address,
    judgment: f.judgment,
    enforcement_decision: f.decision,
    obligation_without_conditions: f.obligation,
    reason: f.reason,
    effective_date: notice.effectiveDate,
    due_on: dueOn,
  }
}

async function queue(
  host: IntegrationHost,
  notice: CaseEventNotice,
  action: keyof typeof DUE_WORKING_DAYS,
  data: (dueOn: string) => Record<string, unknown>
) {
  const dueOn = await host.addWorkingDays(notice.effectiveDate, DUE_WORKING_DAYS[action])
  const type = { publish: 'debtor.published', update: 'debtor.updated', remove: 'debtor.removed' }[
    action
  ]
  for (const client of await host.subscribers('debtors', notice.unitPath)) {
    await host.enqueue({
      clientId: client.id,
      eventType: type,
      payload: data(dueOn),
      caseId: notice.caseId,
      unitId: notice.unitId,
      unitPath: notice.unitPath,
      dueOn,
    })
  }
}

async function onCaseEvent(notice: CaseEventNotice, host: IntegrationHost) {
  const { trx } = host
  const listing = await trx.from('debtor_listings').where('case_id', notice.caseId).first()
  const listed = Boolean(listing?.listed)
  const isPub = notice.source === 'publication'
  const now = new Date().toISOString().slice(0, 19).replace('T', ' ')

  const entersList =
    (!isPub && notice.statusAfter === 'no_conditions' && notice.statusBefore !== 'no_conditions') ||
    (isPub && notice.type === 'publish')
  const leavesList =
    (!isPub && notice.statusBefore === 'no_conditions' && notice.statusAfter !== 'no_conditions') ||
    (isPub && notice.type === 'remove')

  if (entersList && !listed) {
    const f = await publishedFields(host, notice.caseId)
    if (!f) return
    const row = { ...f, listed_on: notice.effectiveDate, listed: true, updated_at: now }
    if (listing) await trx.from('debtor_listings').where('id', listing.id).update(row)
    else
      await trx
        .insertQuery()
        .table('debtor_listings')
        .insert({ case_id: notice.caseId, ...row })
    await queue(host, notice, 'publish', (due) => payload(notice.caseId, f, notice, due))
    return
  }
  if (leavesList && listed) {
    await trx
      .from('debtor_listings')
      .where('id', listing.id)
      .update({ listed: false, updated_at: now })
    await queue(host, notice, 'remove', (due) => ({
      case_id: notice.caseId,
      cause: isPub ? 'removal_recorded' : notice.type,
      effective_date: notice.effectiveDate,
      due_on: due,
    }))
    return
  }
  if (listed && notice.statusAfter === 'no_conditions') {
    const f = await publishedFields(host, notice.caseId)
    if (!f) return
    const changed = SAME.some((k) => (f[k] ?? null) !== (listing[k] ?? null))
    if (!changed && !(isPub && notice.type === 'update')) return
    await trx
      .from('debtor_listings')
      .where('id', listing.id)
      .update({ ...f, updated_at: now })
    await queue(host, notice, 'update', (due) => payload(notice.caseId, f, notice, due))
  }
}

export default defineIntegration({ dataKinds: ['debtors'], onCaseEvent })
