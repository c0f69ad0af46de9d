import { DateTime } from 'luxon'
import { BaseModel, belongsTo, column, hasMany } from '@adonisjs/lucid/orm'
import type { BelongsTo, HasMany } from '@adonisjs/lucid/types/relations'
import type { ModelQueryBuilderContract } from '@adonisjs/lucid/types/model'
import type { UnitLevel } from '../roles.js'
import UnitName from './unit_name.js'

export default class Unit extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare code: string

  @column()
  declare name: string

  @column()
  declare level: UnitLevel

  @column()
  declare parentId: number | null

  /** Materialised path of ids, e.g. /1/7/42/ — a prefix match selects a subtree. */
  @column()
  declare path: string

  @column()
  declare depth: number

  @column.date()
  declare validFrom: DateTime

  @column.date()
  declare validTo: DateTime | null

  @column()
  declare successorId: number | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  @belongsTo(() => Unit, { foreignKey: 'parentId' })
  declare parent: BelongsTo<typeof Unit>

  @belongsTo(() => Unit, { foreignKey: 'successorId' })
  declare successor: BelongsTo<typeof Unit>

  @hasMany(() => Unit, { foreignKey: 'parentId' })
  declare children: HasMany<typeof Unit>

  @hasMany(() => UnitName)
  declare names: HasMany<typeof UnitName>

  /** True when `other` is this unit or lies below it. */
  contains(other: Pick<Unit, 'path'>): boolean {
    return other.path.startsWith(this.path)
  }

  /** Valid on a given ISO day (valid_to is the last valid day). */
  isValidOn(day: string): boolean {
    const from = this.validFrom.toISODate()!
    const to = this.validTo?.toISODate() ?? null
    return from <= day && (to === null || day <= to)
  }

  get isClosed(): boolean {
    return this.validTo !== null && this.validTo.toISODate()! < DateTime.now().toISODate()!
  }

  static validOn(query: ModelQueryBuilderContract<typeof Unit>, day: string) {
    return query
      .where('valid_from', '<=', day)
      .where((q) => q.whereNull('valid_to').orWhere('valid_to', '>=', day))
  }
}
