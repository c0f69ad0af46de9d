import { BaseModel, belongsTo, column } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import { User } from '#accounts'

/** Which officer held a case from `fromDate` until the day before `toDate` (null = still). */
export default class Assignment extends BaseModel {
  static table = 'case_assignments'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare caseId: number

  @column()
  declare unitId: number

  @column()
  declare officerId: number

  @column()
  declare fromDate: string

  @column()
  declare toDate: string | null

  @column()
  declare handoverId: number | null

  @belongsTo(() => User, { foreignKey: 'officerId' })
  declare officer: BelongsTo<typeof User>
}
