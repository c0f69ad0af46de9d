/** Builders for the import tests: a fresh province tree with its staff, and files in the import format. */
import type { ApiClient } from '@japa/api-client'
import type { Unit } from '#accounts'
import { makeProvinceTree } from '#database/synthetic/fixtures'
import { as, makeUser } from '#tests/helpers/factories'
import type { User } from '#accounts'
import { COLUMNS, csvLine, rowValues, type RawRow } from '#cases/imports/format'
import { importRunner } from '#cases/imports/services/runner'

export interface World {
  province: Unit
  district: Unit
  other: Unit
  provinceHead: User
  provinceStat: User
  head: User
  stat: User
  officer: User
  officer2: User
  outsider: User
}

export async function world(): Promise<World> {
  const { province, districts } = await makeProvinceTree(2)
  const far = await makeProvinceTree(1)
  const [provinceHead, provinceStat, head, stat, officer, officer2, outsider] = await Promise.all([
    makeUser(province.code, ['head']),
    makeUser(province.code, ['statistician']),
    makeUser(districts[0].code, ['head']),
    makeUser(districts[0].code, ['statistician']),
    makeUser(districts[0].code, ['officer']),
    makeUser(districts[0].code, ['officer']),
    makeUser(far.province.code, ['statistician']),
  ])
  return {
    province,
    district: districts[0],
    other: districts[1],
    provinceHead,
    provinceStat,
    head,
    stat,
    officer,
    officer2,
    outsider,
  }
}

export function csv(rows: RawRow[]): Buffer {
  return Buffer.from(
    [csvLine(COLUMNS), ...rows.map((r) => csvLine(rowValues(r)))].join('\n') + '\n'
  )
}

/** One complete historical case: obligation, officer, a collection and payout, optional extra history. */
export function caseRows(
  w: World,
  id: string,
  options: {
    decided?: string
    amount?: number
    extra?: RawRow[]
    unit?: string
    source?: string
  } = {}
): RawRow[] {
  const k = { source_system: options.source ?? 'LEGACY', external_id: id }
  const decided = options.decided ?? '2017-03-15'
  return [
    {
      row_type: 'case',
      ...k,
      unit_code: options.unit ?? w.district.code,
      date: decided,
      number: `${id}/QĐ-CCTHADS`,
      kind: 'ex_officio',
      origin: 'new',
      credit_institution: '0',
    },
    { row_type: 'party', ...k, role: 'debtor', name: `Người phải thi hành ${id}` },
    { row_type: 'party', ...k, role: 'creditor', name: 'Người được thi hành' },
    {
      row_type: 'obligation',
      ...k,
      kind: 'money',
      description: 'Trả nợ',
      amount: String(options.amount ?? 10_000_000),
      payee: 'creditor',
    },
    { row_type: 'assignment', ...k, date: decided, officer_email: w.officer.email },
    ...(options.extra ?? []).map((r) => ({ ...k, ...r })),
  ]
}

/** Uploads (the page answers at once with a redirect) and waits for the background dry run to finish. */
export async function upload(
  client: ApiClient,
  user: User,
  body: Buffer,
  filename = 'lich-su.csv'
) {
  const response = await as(client.post('/imports'), user)
    .withCsrfToken()
    .file('file', body, { filename })
    .redirects(0)
  await importRunner.idle()
  return response
}

export async function uploadJson(
  client: ApiClient,
  user: User,
  body: Buffer,
  filename = 'lich-su.csv'
) {
  const response = await as(client.post('/imports'), user)
    .withCsrfToken()
    .header('accept', 'application/json')
    .file('file', body, { filename })
    .redirects(0)
  await importRunner.idle()
  return response
}

export function batchIdFrom(location: string | undefined): number {
  return Number(/\/imports\/(\d+)/.exec(location ?? '')?.[1])
}

export async function confirmAndWait(client: ApiClient, head: User, id: number) {
  const response = await as(client.post(`/imports/${id}/confirm`), head)
    .withCsrfToken()
    .redirects(0)
  await importRunner.idle()
  return response
}
