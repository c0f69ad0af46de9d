/**
 * Test fixtures for reporting: a fresh province with districts under the national unit (so that exact-value
 * tests never see other tests' cases), and one-case scenarios written span by span.
 */
import { randomUUID } from 'node:crypto'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { Unit } from '#accounts'

export async function makeUnit(
  code: string,
  name: string,
  level: string,
  parent: Unit
): Promise<Unit> {
  const unit = await Unit.create({
    code,
    name,
    level: level as any,
    parentId: parent.id,
    path: '/',
    depth: parent.depth + 1,
    validFrom: DateTime.fromISO('2009-07-01'),
  })
  unit.path = `${parent.path}${unit.id}/`
  await unit.save()
  return unit
}

/** A province `TX…` under TC with `districts` districts, all with unique codes. */
export async function makeProvinceTree(
  districts = 2
): Promise<{ province: Unit; districts: Unit[] }> {
  const tag = randomUUID().slice(0, 6).toUpperCase()
  const national = await Unit.findByOrFail('code', 'TC')
  const province = await makeUnit(`TX${tag}`, `Cục THADS thử nghiệm ${tag}`, 'province', national)
  const children: Unit[] = []
  for (let i = 1; i <= districts; i++)
    children.push(
      await makeUnit(`TX${tag}-D${i}`, `Chi cục THADS thử nghiệm ${tag}-${i}`, 'district', province)
    )
  return { province, districts: children }
}

export interface ScenarioStep {
  status?: string
  money?: [kind: string, amount: number][]
  officer?: number
  day: string
}

/** Writes one approved case decided on `decided` with the given steps (status changes, money, reassignments). */
export async function writeCase(
  unit: Unit,
  decided: string,
  steps: ScenarioStep[],
  extra: Record<string, unknown> = {}
): Promise<number> {
  const now = new Date().toISOString().slice(0, 19).replace('T', ' ')
  const [id] = await db
    .insertQuery()
    .table('cases')
    .insert({
      unit_id: unit.id,
      unit_path: unit.path,
      year: Number(decided.slice(0, 4)),
      draft_status: 'approved',
      decision_date: decided,
      kind: 'ex_officio',
      origin: 'new',
      status: 'in_progress',
      created_at: now,
      updated_at: now,
      ...extra,
    })
  const caseId = Number(id)
  const base = { case_id: caseId, unit_id: unit.id }
  let span = {
    ...base,
    unit_path: unit.path,
    status: 'in_progress',
    from_date: decided,
    to_date: null as string | null,
  }
  const spans = [span]
  let assignment: any = null
  const assignments: any[] = []
  const entries: any[] = []
  for (const step of steps) {
    for (const [kind, amount] of step.money ?? [])
      entries.push({
        ...base,
        unit_path: unit.path,
        kind,
        amount,
        effective_date: step.day,
        recorded_at: now,
      })
    if (step.officer) {
      if (assignment) assignment.to_date = step.day
      assignment = { ...base, officer_id: step.officer, from_date: step.day, to_date: null }
      assignments.push(assignment)
    }
    if (step.status) {
      span.to_date = step.day
      span = {
        ...base,
        unit_path: unit.path,
        status: step.status,
        from_date: step.day,
        to_date: null,
      }
      spans.push(span)
    }
  }
  await db.insertQuery().table('case_status_spans').multiInsert(spans)
  if (assignments.length) await db.insertQuery().table('case_assignments').multiInsert(assignments)
  if (entries.length) await db.insertQuery().table('money_entries').multiInsert(entries)
  return caseId
}
