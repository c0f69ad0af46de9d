import { DateTime } from 'luxon'
import { BaseModel, belongsTo, column, hasMany } from '@adonisjs/lucid/orm'
import type { BelongsTo, HasMany } from '@adonisjs/lucid/types/relations'
import { User, Unit } from '#accounts'
import HandoverCase from './handover_case.js'

export const HANDOVER_STATUSES = ['proposed', 'confirmed', 'rejected'] as const
export const HANDOVER_REASONS = ['leaving', 'moved', 'revoked', 'workload', 'other'] as const
export type HandoverStatus = (typeof HANDOVER_STATUSES)[number]
export type HandoverReason = (typeof HANDOVER_REASONS)[number]

/** Cases (and the money they hold) moving from one officer to another of the same unit (bàn giao hồ sơ). */
export default class Handover extends BaseModel {
  static table = 'handovers'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare unitId: number

  @column()
  declare unitPath: string

  @column()
  declare fromOfficerId: number

  @column()
  declare toOfficerId: number

  @column()
  declare reasonKind: HandoverReason

  @column()
  declare reason: string | null

  @column()
  declare status: HandoverStatus

  @column()
  declare effectiveDate: string

  @column()
  declare caseCount: number

  @column({ consume: (v) => Number(v) })
  declare heldTotal: number

  @column({ consume: (v) => Number(v) })
  declare remainingTotal: number

  @column()
  declare requestedById: number

  @column()
  declare confirmedById: number | null

  @column.dateTime()
  declare decidedAt: DateTime | null

  @column()
  declare decisionNote: string | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  @belongsTo(() => Unit)
  declare unit: BelongsTo<typeof Unit>

  @belongsTo(() => User, { foreignKey: 'fromOfficerId' })
  declare fromOfficer: BelongsTo<typeof User>

  @belongsTo(() => User, { foreignKey: 'toOfficerId' })
  declare toOfficer: BelongsTo<typeof User>

  @belongsTo(() => User, { foreignKey: 'requestedById' })
  declare requestedBy: BelongsTo<typeof User>

  @belongsTo(() => User, { foreignKey: 'confirmedById' })
  declare confirmedBy: BelongsTo<typeof User>

  @hasMany(() => HandoverCase)
  declare items: HasMany<typeof HandoverCase>
}
