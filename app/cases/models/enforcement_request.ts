import { DateTime } from 'luxon'
import { BaseModel, belongsTo, column } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import Judgment from './judgment.js'

export type RequestStatus = 'pending' | 'accepted' | 'refused'

/** A party's request for enforcement (đơn yêu cầu). Refused with a reason, or accepted when its decision is approved. */
export default class EnforcementRequest extends BaseModel {
  static table = 'enforcement_requests'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare unitId: number

  @column()
  declare judgmentId: number | null

  @column()
  declare requester: string

  @column()
  declare receivedOn: string

  @column()
  declare content: string

  @column()
  declare status: RequestStatus

  @column()
  declare refusalReason: string | null

  @column()
  declare decidedOn: string | null

  @column()
  declare createdById: number | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  @belongsTo(() => Judgment)
  declare judgment: BelongsTo<typeof Judgment>
}
