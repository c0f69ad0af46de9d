/**
 * Builds a synthetic NATIONAL history for the scale benchmark (`node ace demo:generate`): synthetic districts
 * under every province that has none, officers in every unit, then N case histories (national_history.ts)
 * spread over the units by a realistic weight and streamed into the database with bulk inserts (bulk_sink.ts).
 * Everything synthetic is marked: district names end with "(dữ liệu mô phỏng)", officers' e-mails with
 * "@demo-generate.invalid", generated cases have summary GENERATED_SUMMARY.
 */
import { randomUUID } from 'node:crypto'
import app from '@adonisjs/core/services/app'
import hash from '@adonisjs/core/services/hash'
import { viSortKey } from '#core'
import db from '@adonisjs/lucid/services/db'
import { BulkSink } from './bulk_sink.js'
import {
  ASSIGNMENT_COLUMNS,
  CASE_COLUMNS,
  GENERATED_SUMMARY,
  MONEY_COLUMNS,
  nationalHistories,
  prng,
  SPAN_COLUMNS,
  type HistoryUnit,
} from './national_history.js'

export const SYNTHETIC_MARK = '(dữ liệu mô phỏng)'
export const OFFICER_DOMAIN = '@demo-generate.invalid'

/** Relative case load of a province office's jurisdiction (big cities and industrial provinces heavier). */
const PROVINCE_WEIGHT: Record<string, number> = {
  T79: 10,
  T01: 8,
  T74: 3.5,
  T75: 3,
  T31: 3,
  T48: 2,
  T92: 2,
  T22: 1.8,
  T38: 1.8,
  T40: 1.8,
  T56: 1.5,
  T77: 1.5,
  T80: 1.5,
  T27: 1.3,
  T89: 1.3,
  T30: 1.2,
  T66: 1.2,
  T91: 1.2,
  T68: 1.1,
}
/** Share of a province's cases handled by the province office itself (the rest goes to its districts). */
const OWN_OFFICE_SHARE = 0.2
const CASES_PER_OFFICER = 300

export interface DemoOptions {
  connection?: string
  cases: number
  seed: number
  years?: number
  /** Last statistical year generated (default 2025: years 2024 and 2025, 2023-10-01 … 2025-09-30). */
  endYear?: number
  append?: boolean
  /** Cases per transaction / progress line. */
  batch?: number
  log?: (line: string) => void
}

export interface DemoSummary {
  connection: string
  from: string
  horizon: string
  unitsCreated: number
  officersCreated: number
  cases: number
  spans: number
  assignments: number
  entries: number
  statuses: Record<string, number>
  seconds: number
}

export class DemoRefused extends Error {}

interface UnitRow {
  id: number
  code: string
  name: string
  path: string
  depth: number
  level: string
  parent_id: number | null
}

/** True when a previous run left synthetic units or officers. */
export async function hasGeneratedData(connection?: string) {
  const client = db.connection(connection)
  const unit = await client.from('units').whereILike('name', `%${SYNTHETIC_MARK}`).first()
  const user = unit
    ? null
    : await client.from('users').whereILike('email', `%${OFFICER_DOMAIN}`).first()
  return Boolean(unit || user)
}

/** Removes everything a run generated (cases with their rows, officers, synthetic districts), for tests. */
export async function deleteGeneratedData(connection?: string) {
  await db.connection(connection).transaction(async (trx) => {
    const cases = trx.from('cases').where('summary', GENERATED_SUMMARY).select('id')
    for (const table of [
      'money_entries',
      'case_status_spans',
      'case_assignments',
      'case_search_terms',
    ])
      await trx.from(table).whereIn('case_id', cases.clone()).delete()
    await trx.from('cases').where('summary', GENERATED_SUMMARY).delete()
    const users = trx.from('users').whereILike('email', `%${OFFICER_DOMAIN}`).select('id')
    await trx.from('user_roles').whereIn('user_id', users.clone()).delete()
    await trx.from('users').whereILike('email', `%${OFFICER_DOMAIN}`).delete()
    const units = trx.from('units').whereILike('name', `%${SYNTHETIC_MARK}`).select('id')
    await trx.from('unit_names').whereIn('unit_id', units.clone()).delete()
    await trx.from('units').whereILike('name', `%${SYNTHETIC_MARK}`).delete()
  })
}

/** Creates 8–12 synthetic districts under every province that has no district; returns how many. */
async function ensureDistricts(connection: string, seed: number, now: string) {
  const r = prng(seed ^ 0x5eed)
  const client = db.connection(connection)
  const national = await client.from('units').where('code', 'TC').first()
  if (!national)
    throw new DemoRefused(
      'The reference unit tree is missing (run node ace thads:prepare or migrations + seed).'
    )
  const provinces: UnitRow[] = await client
    .from('units')
    .where('parent_id', national.id)
    .where('level', 'province')
    .orderBy('code')
  const withDistricts = new Set(
    (
      await client
        .from('units')
        .whereIn(
          'parent_id',
          provinces.map((p) => p.id)
        )
        .where('level', 'district')
        .distinct('parent_id')
    ).map((u: any) => Number(u.parent_id))
  )
  let created = 0
  await client.transaction(async (trx) => {
    for (const province of provinces) {
      if (withDistricts.has(province.id)) continue
      const count = r.int(8, 12)
      const place = province.name.replace(/^Cục THADS (tỉnh |thành phố )?/, '')
      for (let n = 1; n <= count; n++) {
        const no = String(n).padStart(2, '0')
        const name = `Chi cục THADS khu vực ${no} – ${place} ${SYNTHETIC_MARK}`
        const [id] = await trx
          .insertQuery()
          .table('units')
          .insert({
            code: `${province.code}-D${no}`,
            name,
            level: 'district',
            parent_id: province.id,
            path: '/',
            depth: province.depth + 1,
            valid_from: '2009-07-01',
            created_at: now,
            updated_at: now,
          })
        await trx
          .from('units')
          .where('id', Number(id))
          .update({ path: `${province.path}${Number(id)}/` })
        await trx
          .insertQuery()
          .table('unit_names')
          .insert({ unit_id: Number(id), name, valid_from: '2009-07-01', created_at: now })
        created++
      }
    }
  })
  return { created, national: national as UnitRow, provinces }
}

/** Province offices and their districts with their share of the national load (deterministic for a seed). */
async function weightedUnits(connection: string, seed: number, provinces: UnitRow[]) {
  const r = prng(seed ^ 0x77a1)
  const districts: UnitRow[] = await db
    .connection(connection)
    .from('units')
    .whereIn(
      'parent_id',
      provinces.map((p) => p.id)
    )
    .where('level', 'district')
    .orderBy('code')
  const units: { unit: UnitRow; weight: number }[] = []
  for (const province of provinces) {
    const total = PROVINCE_WEIGHT[province.code] ?? 1
    const children = districts.filter((d) => d.parent_id === province.id)
    const raw = children.map((_, i) => (i === 0 ? 2 : 0.5 + r.next()))
    const sum = raw.reduce((a, b) => a + b, 0)
    units.push({ unit: province, weight: children.length ? total * OWN_OFFICE_SHARE : total })
    children.forEach((d, i) =>
      units.push({ unit: d, weight: (total * (1 - OWN_OFFICE_SHARE) * raw[i]) / sum })
    )
  }
  return units
}

/** Officers (role officer) of every unit: the generated ones when appending, else new ones sized to the load. */
async function ensureOfficers(
  connection: string,
  units: { unit: UnitRow; weight: number }[],
  cases: number,
  now: string
) {
  const client = db.connection(connection)
  const existing = await client
    .from('users')
    .whereILike('email', `%${OFFICER_DOMAIN}`)
    .select('id', 'unit_id')
    .orderBy('id')
  const byUnit = new Map<number, number[]>()
  for (const u of existing)
    byUnit.set(Number(u.unit_id), [...(byUnit.get(Number(u.unit_id)) ?? []), Number(u.id)])
  const totalWeight = units.reduce((s, u) => s + u.weight, 0)
  const password = await hash.make(randomUUID()) // nobody can sign in as a synthetic officer
  const users: Record<string, unknown>[] = []
  const roles: Record<string, unknown>[] = []
  let nextId = Number((await client.from('users').max('id as m').first())?.m ?? 0) + 1
  for (const { unit, weight } of units) {
    if (byUnit.has(unit.id)) continue
    const count = Math.min(
      60,
      Math.max(2, Math.round((cases * weight) / totalWeight / CASES_PER_OFFICER))
    )
    const ids: number[] = []
    for (let n = 1; n <= count; n++) {
      const id = nextId++
      users.push({
        id,
        email: `dg-${unit.code.toLowerCase()}-${n}${OFFICER_DOMAIN}`,
        full_name: `Chấp hành viên ${n} ${unit.code} (mô phỏng)`,
        name_key: viSortKey(`Chấp hành viên ${n} ${unit.code} (mô phỏng)`),
        unit_id: unit.id,
        password,
        status: 'active',
        must_change_password: true,
        session_epoch: 1,
        created_at: now,
        updated_at: now,
      })
      roles.push({ user_id: id, role: 'officer', created_at: now })
      ids.push(id)
    }
    byUnit.set(unit.id, ids)
  }
  await client.transaction(async (trx) => {
    for (let i = 0; i < users.length; i += 200)
      await trx
        .insertQuery()
        .table('users')
        .multiInsert(users.slice(i, i + 200))
    for (let i = 0; i < roles.length; i += 200)
      await trx
        .insertQuery()
        .table('user_roles')
        .multiInsert(roles.slice(i, i + 200))
  })
  return { created: users.length, byUnit }
}

export async function generateNationalDemo(options: DemoOptions): Promise<DemoSummary> {
  if (app.inProduction) throw new DemoRefused('demo:generate never runs in production')
  const connection = options.connection ?? db.primaryConnectionName
  const log = options.log ?? (() => {})
  const years = options.years ?? 2
  const endYear = options.endYear ?? 2025
  const from = `${endYear - years}-10-01`
  const horizon = `${endYear}-09-30`
  const started = performance.now()
  if (!options.append && (await hasGeneratedData(connection))) {
    throw new DemoRefused(
      'This database already has generated data; use --append to add more cases.'
    )
  }
  const now = new Date().toISOString().slice(0, 19).replace('T', ' ')
  const { created: unitsCreated, provinces } = await ensureDistricts(connection, options.seed, now)
  const weighted = await weightedUnits(connection, options.seed, provinces)
  const { created: officersCreated, byUnit } = await ensureOfficers(
    connection,
    weighted,
    options.cases,
    now
  )
  log(
    `units: ${weighted.length} reporting units (${unitsCreated} synthetic districts created), officers created: ${officersCreated}`
  )

  const client = db.connection(connection)
  const firstId = Number((await client.from('cases').max('id as m').first())?.m ?? 0) + 1
  const seqs = new Map<string, number>()
  for (const s of await client
    .from('cases')
    .whereNotNull('seq')
    .select('unit_id', 'year')
    .max('seq as m')
    .groupBy('unit_id', 'year'))
    seqs.set(`${s.unit_id}:${s.year}`, Number(s.m))
  const units: HistoryUnit[] = weighted.map(({ unit, weight }) => ({
    id: unit.id,
    code: unit.code,
    path: unit.path,
    weight,
    officers: byUnit.get(unit.id) ?? [],
  }))

  const sink = new BulkSink(connection)
    .table('cases', CASE_COLUMNS)
    .table('case_status_spans', SPAN_COLUMNS)
    .table('case_assignments', ASSIGNMENT_COLUMNS)
    .table('money_entries', MONEY_COLUMNS)
  const batch = options.batch ?? 50_000
  const statuses: Record<string, number> = {}
  await sink.open()
  try {
    await sink.begin()
    let i = 0
    for (const h of nationalHistories({
      seed: options.seed,
      cases: options.cases,
      units,
      from,
      horizon,
      firstId,
      seqs,
    })) {
      const pending = [sink.push('cases', h.case)]
      for (const row of h.spans) pending.push(sink.push('case_status_spans', row))
      for (const row of h.assignments) pending.push(sink.push('case_assignments', row))
      for (const row of h.entries) pending.push(sink.push('money_entries', row))
      for (const p of pending) if (p) await p
      statuses[h.status] = (statuses[h.status] ?? 0) + 1
      if (++i % batch === 0 && i < options.cases) {
        await sink.commit()
        await sink.begin()
        const s = (performance.now() - started) / 1000
        log(
          `${i.toLocaleString('en')} / ${options.cases.toLocaleString('en')} cases, ${s.toFixed(1)} s (${Math.round(i / s).toLocaleString('en')} cases/s)`
        )
      }
    }
    await sink.commit()
    await sink.close()
  } catch (error) {
    await sink.abort()
    throw error
  }
  if (sink.dialect === 'sqlite') await client.rawQuery('PRAGMA wal_checkpoint(TRUNCATE)')
  const seconds = (performance.now() - started) / 1000
  return {
    connection,
    from,
    horizon,
    unitsCreated,
    officersCreated,
    cases: sink.written('cases'),
    spans: sink.written('case_status_spans'),
    assignments: sink.written('case_assignments'),
    entries: sink.written('money_entries'),
    statuses,
    seconds,
  }
}
