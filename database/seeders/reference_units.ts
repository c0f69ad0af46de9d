import { readFileSync } from 'node:fs'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'

/**
 * Reference data, not demo data: the pre-2025 organisation tree (national office, 63 provincial departments,
 * the districts of the sample provinces, military enforcement units). Idempotent: does nothing when the
 * national unit exists. Written with bulk inserts so a fresh install seeds in well under a second.
 */
interface UnitsFile {
  provinces_pre_2025: { code: string; name: string }[]
  districts_pre_2025_samples: Record<string, string[]>
  military_enforcement_units: { central: string; regional: string[] }
}

export const NATIONAL_CODE = 'TC'
const CENTRAL_CITIES = new Set([
  'Hà Nội',
  'Hải Phòng',
  'Đà Nẵng',
  'Thành phố Hồ Chí Minh',
  'Cần Thơ',
])
const OPENED = '2009-07-01' // Tổng cục THADS was organised under Decree 74/2009 (system of agencies from 2009).

export function provinceUnitName(name: string) {
  if (name.startsWith('Thành phố')) return `Cục THADS ${name}`
  return CENTRAL_CITIES.has(name) ? `Cục THADS thành phố ${name}` : `Cục THADS tỉnh ${name}`
}

export function districtUnitName(name: string) {
  return `Chi cục THADS ${name.startsWith('Thành phố') ? name.replace('Thành phố', 'thành phố') : name}`
}

function slug(text: string) {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9]+/g, '')
    .toUpperCase()
}

export async function seedReferenceUnits(): Promise<boolean> {
  const existing = await db.from('units').where('code', NATIONAL_CODE).first()
  if (existing) return false
  const file = JSON.parse(
    readFileSync(new URL('./data/units-vn.json', import.meta.url), 'utf8')
  ) as UnitsFile
  const now = new Date().toISOString().slice(0, 19).replace('T', ' ')

  await db.transaction(async (trx) => {
    const insertUnit = async (
      code: string,
      name: string,
      level: string,
      parent: { id: number; path: string; depth: number } | null
    ) => {
      const [id] = await trx
        .insertQuery()
        .table('units')
        .insert({
          code,
          name,
          level,
          parent_id: parent?.id ?? null,
          path: '/',
          depth: parent ? parent.depth + 1 : 0,
          valid_from: OPENED,
          created_at: now,
          updated_at: now,
        })
      const unitId = Number(id)
      const path = `${parent?.path ?? '/'}${unitId}/`
      await trx.from('units').where('id', unitId).update({ path })
      return { id: unitId, path, depth: parent ? parent.depth + 1 : 0, name }
    }

    const national = await insertUnit(
      NATIONAL_CODE,
      'Tổng cục Thi hành án dân sự',
      'national',
      null
    )
    const provinces = new Map<string, { id: number; path: string; depth: number; name: string }>()
    for (const p of file.provinces_pre_2025) {
      provinces.set(
        p.name,
        await insertUnit(`T${p.code}`, provinceUnitName(p.name), 'province', national)
      )
    }
    for (const [provinceName, districts] of Object.entries(file.districts_pre_2025_samples)) {
      const province = provinces.get(provinceName)!
      const provinceCode = file.provinces_pre_2025.find((p) => p.name === provinceName)!.code
      for (const district of districts) {
        await insertUnit(
          `T${provinceCode}-${slug(district)}`,
          districtUnitName(district),
          'district',
          province
        )
      }
    }
    // Military enforcement sits outside the civil tree (SPEC §2): its own root, a peer for delegations.
    const central = await insertUnit(
      'QP',
      file.military_enforcement_units.central,
      'military_central',
      null
    )
    let n = 1
    for (const name of file.military_enforcement_units.regional) {
      await insertUnit(`QP-${String(n++).padStart(2, '0')}`, name, 'military_region', central)
    }
    await copyNames(trx)
  })
  return true
}

async function copyNames(trx: TransactionClientContract) {
  await trx.rawQuery(
    `INSERT INTO unit_names (unit_id, name, valid_from, valid_to, created_at)
     SELECT id, name, valid_from, valid_to, created_at FROM units`
  )
}
