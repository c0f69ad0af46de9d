import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

/** One line of the append-only trail (database triggers refuse UPDATE and DELETE). */
export default class AuditEvent extends BaseModel {
  static readonly table = 'audit_events'

  @column({ isPrimary: true })
  declare id: number

  @column.dateTime()
  declare occurredAt: DateTime

  @column()
  declare actorId: number | null

  @column()
  declare actorEmail: string | null

  @column()
  declare unitId: number | null

  @column()
  declare unitPath: string | null

  @column()
  declare action: string

  @column()
  declare outcome: 'ok' | 'refused' | 'failed'

  @column()
  declare subjectType: string | null

  @column()
  declare subjectId: string | null

  @column()
  declare before: string | null

  @column()
  declare after: string | null

  @column()
  declare ip: string | null

  @column()
  declare userAgent: string | null

  @column()
  declare requestId: string | null
}
