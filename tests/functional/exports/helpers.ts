/** Shared by the export specs: binary responses, workbook reading, refusals in the audit trail. */
import ExcelJS from 'exceljs'
import db from '@adonisjs/lucid/services/db'
import { ApiRequest } from '@japa/api-client'
import { User } from '#accounts'

// Only the binary types (CSV stays text, as other modules' tests expect it).
const BINARY = [
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
]
const collect = (res: any, done: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = []
  res.on('data', (c: Buffer) => chunks.push(c))
  res.on('end', () => done(null, Buffer.concat(chunks)))
}
for (const type of BINARY) ApiRequest.addParser(type, collect as any)

export const Q = 'year=2025&period=6'

export async function workbook(body: Buffer) {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(body as any)
  return wb
}

export async function refusals(user: User) {
  return db
    .from('audit_events')
    .where('action', 'access.denied')
    .where('actor_id', user.id)
    .where('outcome', 'refused')
}

export async function downloads(user: User) {
  return db
    .from('audit_events')
    .where('action', 'reporting.export.download')
    .where('actor_id', user.id)
    .orderBy('id')
}

export async function apiToken(user: User, abilities: string[]) {
  const token = await User.accessTokens.create(user, abilities)
  return token.value!.release()
}
