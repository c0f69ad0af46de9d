/**
 * What the dry run and the commit look up: units by code (the whole tree, ~700 rows, once), officers by e-mail
 * (per chunk, cached) and the cases already imported under the chunk's keys (one indexed query per chunk).
 */
import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { today } from '../../services/dates.js'
import type { Lookup, OfficerRef, UnitRef } from './simulate.js'
import { key, type ImportRecord } from './record.js'

export interface Existing {
  id: number
  hash: string | null
  batchId: number | null
  unitId: number
  /** facts recorded in the software after the import (the case can no longer be replaced) */
  live: boolean
}

export class ImportLookup implements Lookup {
  private units = new Map<string, UnitRef>()
  private unitsById = new Map<number, UnitRef>()
  private officers = new Map<string, OfficerRef | null>()
  readonly today = today()

  constructor(private client: QueryClientContract = db.connection()) {}

  async load() {
    const rows = await this.client.from('units').select('id', 'code', 'path', 'level', 'parent_id')
    for (const r of rows) {
      const u = {
        id: Number(r.id),
        code: r.code,
        path: r.path,
        level: r.level,
        parentId: r.parent_id ? Number(r.parent_id) : null,
      }
      this.units.set(String(r.code).toUpperCase(), u)
      this.unitsById.set(u.id, u)
    }
    return this
  }

  unit(code: string) {
    return this.units.get(code.trim().toUpperCase())
  }

  unitById(id: number) {
    return this.unitsById.get(id)
  }

  officer(email: string) {
    return this.officers.get(email.trim().toLowerCase()) ?? undefined
  }

  /** Loads the officers the chunk names (by e-mail, any account status: historical officers may have left). */
  async prepare(records: ImportRecord[]) {
    const wanted = new Set<string>()
    for (const r of records)
      for (const row of r.rows) {
        const e = (row.raw.officer_email ?? '').trim().toLowerCase()
        if (e && !this.officers.has(e)) wanted.add(e)
      }
    if (!wanted.size) return
    const list = [...wanted]
    for (let i = 0; i < list.length; i += 500) {
      const part = list.slice(i, i + 500)
      const rows = await this.client
        .from('users as u')
        .leftJoin('user_roles as r', (j) =>
          j.on('r.user_id', '=', 'u.id').andOnVal('r.role', '=', 'officer')
        )
        .whereIn(this.client.raw('lower(u.email)') as any, part)
        .select('u.id', 'u.email', 'u.unit_id', 'r.role')
      for (const e of part) this.officers.set(e, null)
      for (const r of rows)
        this.officers.set(String(r.email).toLowerCase(), {
          id: Number(r.id),
          email: r.email,
          unitId: Number(r.unit_id),
          officer: r.role === 'officer',
        })
    }
  }

  /** Cases already imported under the records' keys. */
  async existing(records: ImportRecord[], client: QueryClientContract = this.client) {
    const found = new Map<string, Existing>()
    if (!records.length) return found
    // one query per source system, on the unique (source_system, external_id) index
    const bySource = new Map<string, string[]>()
    for (const r of records)
      bySource.set(r.source, [...(bySource.get(r.source) ?? []), r.externalId])
    const rows: any[] = []
    for (const [source, list] of bySource)
      rows.push(
        ...(await client
          .from('cases')
          .where('source_system', source)
          .whereIn('external_id', list)
          .select(
            'id',
            'source_system',
            'external_id',
            'import_hash',
            'import_batch_id',
            'unit_id'
          ))
      )
    const wanted = new Set(records.map((r) => key(r.source, r.externalId)))
    const hits = rows.filter((r) => wanted.has(key(r.source_system, r.external_id)))
    const ids = hits.map((r) => Number(r.id))
    const live = new Set<number>()
    if (ids.length) {
      for (const table of ['case_events', 'money_entries']) {
        const l = await client
          .from(table)
          .whereIn('case_id', ids)
          .whereNull('import_batch_id')
          .distinct('case_id')
        for (const r of l) live.add(Number(r.case_id))
      }
      const children = await client
        .from('cases')
        .whereIn('source_case_id', ids)
        .select('source_case_id')
      for (const r of children) live.add(Number(r.source_case_id))
    }
    for (const r of hits)
      found.set(key(r.source_system, r.external_id), {
        id: Number(r.id),
        hash: r.import_hash,
        batchId: r.import_batch_id ? Number(r.import_batch_id) : null,
        unitId: Number(r.unit_id),
        live: live.has(Number(r.id)),
      })
    return found
  }
}
