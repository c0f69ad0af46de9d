import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import { isoDay } from './iso.js'

/** An edit under an approved past-period exception touched data a submitted version covers (append-only). */
export default class SubmissionRevision extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare submissionId: number

  @column()
  declare editRequestId: number

  @column()
  declare unitId: number

  @column({ consume: isoDay })
  declare effectiveDate: string

  @column()
  declare caseId: number | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime
}
