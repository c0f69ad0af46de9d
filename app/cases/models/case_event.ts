import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

/** Append-only: one legal act on a case with its effective date; `statusAfter` is set when it changed the status. */
export default class CaseEvent extends BaseModel {
  static table = 'case_events'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare caseId: number

  @column()
  declare unitId: number

  @column()
  declare type: string

  @column()
  declare effectiveDate: string

  @column.dateTime()
  declare recordedAt: DateTime

  @column()
  declare actorId: number | null

  @column()
  declare documentNumber: string | null

  @column()
  declare legalGround: string | null

  @column({ consume: (v) => (v === null ? null : Number(v)) })
  declare amount: number | null

  @column()
  declare statusAfter: string | null

  @column()
  declare targetUnitId: number | null

  @column()
  declare officerId: number | null

  @column({
    prepare: (v) => (v ? JSON.stringify(v) : null),
    consume: (v) => (v ? JSON.parse(v) : null),
  })
  declare data: Record<string, unknown> | null

  @column()
  declare note: string | null

  @column()
  declare editRequestId: number | null
}
