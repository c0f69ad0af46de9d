import { DateTime } from 'luxon'
import { BaseModel, belongsTo, column } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import { User } from '#accounts'

/** A statistical year closed by the national level (chốt số liệu): its dates answer 'year_closed'. */
export default class YearClosure extends BaseModel {
  static selfAssignPrimaryKey = true

  @column({ isPrimary: true })
  declare year: number

  @column()
  declare closedById: number

  @column.dateTime()
  declare closedAt: DateTime

  @column()
  declare note: string | null

  @belongsTo(() => User, { foreignKey: 'closedById' })
  declare closedBy: BelongsTo<typeof User>
}
