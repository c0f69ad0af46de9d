import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import type { OrderKind } from '../rules.js'

/** An order to move an exhibit: proposed → signed | refused by the head → executed once by the keeper. */
export default class WarehouseOrder extends BaseModel {
  static table = 'warehouse_orders'

  @column({ isPrimary: true }) declare id: number
  @column() declare exhibitId: number
  @column() declare unitId: number
  @column() declare unitPath: string
  @column() declare kind: OrderKind
  @column({ consume: (v) => Number(v) }) declare quantity: number
  @column() declare reason: string
  @column() declare status: 'proposed' | 'signed' | 'refused' | 'executed'
  @column() declare orderNumber: string | null
  @column() declare proposedById: number
  @column() declare signedById: number | null
  @column() declare signedOn: string | null
  @column() declare refusalReason: string | null
  @column() declare executedById: number | null
  @column.dateTime() declare executedAt: DateTime | null
  @column({ consume: (v) => Number(v) }) declare version: number
  @column.dateTime({ autoCreate: true }) declare createdAt: DateTime
  @column.dateTime({ autoCreate: true, autoUpdate: true }) declare updatedAt: DateTime
}
