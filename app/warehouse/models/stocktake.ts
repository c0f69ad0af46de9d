import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import type { StocktakeKind } from '../rules.js'

/** A stock-take (kiểm kê): counted quantities per item, differences explained, approved by the head. */
export default class Stocktake extends BaseModel {
  static table = 'stocktakes'

  @column({ isPrimary: true }) declare id: number
  @column() declare unitId: number
  @column() declare unitPath: string
  @column() declare kind: StocktakeKind
  @column() declare countDate: string
  @column() declare status: 'submitted' | 'approved'
  @column() declare members: string | null
  @column() declare createdById: number
  @column() declare approvedById: number | null
  @column() declare approvedOn: string | null
  @column({ consume: (v) => Number(v) }) declare differences: number
  @column({ consume: (v) => Number(v) }) declare version: number
  @column.dateTime({ autoCreate: true }) declare createdAt: DateTime
  @column.dateTime({ autoCreate: true, autoUpdate: true }) declare updatedAt: DateTime
}
