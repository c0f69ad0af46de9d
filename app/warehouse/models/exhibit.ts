import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import type { Category } from '../rules.js'

const num = { consume: (v: unknown) => (v === null || v === undefined ? v : Number(v)) }

/** One item of the exhibit ledger (sổ theo dõi vật chứng). Quantities are integers in `measure`. */
export default class Exhibit extends BaseModel {
  static table = 'exhibits'

  @column({ isPrimary: true }) declare id: number
  @column() declare unitId: number
  @column() declare unitPath: string
  @column() declare code: string
  @column() declare category: Category
  @column() declare description: string
  @column() declare measure: string
  @column(num) declare declaredQuantity: number
  @column(num) declare quantityHeld: number
  @column(num) declare quantityOut: number
  @column(num) declare quantityReceived: number
  @column() declare condition: string | null
  @column() declare sealNumber: string | null
  @column() declare sourceBody: string
  @column() declare seizureRecord: string
  @column() declare seizedOn: string | null
  @column() declare judgmentId: number | null
  @column() declare caseId: number | null
  @column() declare status: 'awaiting' | 'in_custody' | 'closed'
  @column() declare locationKind: 'warehouse' | 'outside'
  @column() declare location: string | null
  @column() declare custodian: string | null
  @column() declare receivedOn: string | null
  @column() declare lastCheckedOn: string | null
  @column() declare closedOn: string | null
  @column() declare createdById: number
  @column(num) declare version: number
  @column.dateTime({ autoCreate: true }) declare createdAt: DateTime
  @column.dateTime({ autoCreate: true, autoUpdate: true }) declare updatedAt: DateTime
}
