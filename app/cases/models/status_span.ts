import { BaseModel, column } from '@adonisjs/lucid/orm'

/** The status a case had from `fromDate` until the day before `toDate` (null = still). */
export default class StatusSpan extends BaseModel {
  static table = 'case_status_spans'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare caseId: number

  @column()
  declare unitId: number

  @column()
  declare unitPath: string

  @column()
  declare status: string

  @column()
  declare fromDate: string

  @column()
  declare toDate: string | null

  @column()
  declare eventId: number | null
}
