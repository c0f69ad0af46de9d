import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

export const MONEY_KINDS = [
  'obligation',
  'collected',
  'paid_out',
  'reduced',
  'terminated_amount',
  'delegated_amount',
  'withdrawn_amount',
  'revoked_amount',
  'fee',
] as const
export type MoneyKind = (typeof MONEY_KINDS)[number]

/** Append-only ledger line in integer VND; only obligation amendments may be negative. */
export default class MoneyEntry extends BaseModel {
  static table = 'money_entries'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare caseId: number

  @column()
  declare unitId: number

  @column()
  declare unitPath: string

  @column()
  declare kind: MoneyKind

  @column({ consume: (v) => Number(v) })
  declare amount: number

  @column()
  declare effectiveDate: string

  @column()
  declare receiptNumber: string | null

  @column()
  declare payee: 'creditor' | 'state_budget' | null

  @column()
  declare eventId: number | null

  @column()
  declare officerId: number | null

  @column()
  declare actorId: number | null

  @column.dateTime()
  declare recordedAt: DateTime

  @column()
  declare editRequestId: number | null
}
