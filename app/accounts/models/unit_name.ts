import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

export default class UnitName extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare unitId: number

  @column()
  declare name: string

  @column.date()
  declare validFrom: DateTime

  @column.date()
  declare validTo: DateTime | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  static readonly updatedAt = false
}
