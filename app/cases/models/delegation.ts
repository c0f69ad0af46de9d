import { DateTime } from 'luxon'
import { BaseModel, belongsTo, column } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import { User, Unit } from '#accounts'
import Case from './case.js'

export const DELEGATION_STATUSES = [
  'proposed',
  'confirmed',
  'rejected',
  'accepted',
  'returned',
] as const
export type DelegationStatus = (typeof DELEGATION_STATUSES)[number]
export const DELEGATION_SCOPES = ['full', 'partial'] as const
export type DelegationScope = (typeof DELEGATION_SCOPES)[number]
/** Unit levels a case may be delegated to: another civil office or a military enforcement unit. */
export const DELEGATION_TARGET_LEVELS = [
  'province',
  'district',
  'regional',
  'military_region',
  'military_central',
] as const

/** One case delegated (ủy thác), fully or partly, from its unit to another. */
export default class Delegation extends BaseModel {
  static table = 'delegations'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare caseId: number

  @column()
  declare fromUnitId: number

  @column()
  declare fromUnitPath: string

  @column()
  declare toUnitId: number

  @column()
  declare toUnitPath: string

  @column()
  declare scope: DelegationScope

  @column({ consume: (v) => Number(v) })
  declare amount: number

  @column()
  declare reason: string | null

  @column()
  declare status: DelegationStatus

  @column()
  declare effectiveDate: string | null

  @column()
  declare decisionNumber: string | null

  @column()
  declare proposedById: number

  @column()
  declare confirmedById: number | null

  @column.dateTime()
  declare confirmedAt: DateTime | null

  @column()
  declare rejectionReason: string | null

  @column()
  declare receivedById: number | null

  @column()
  declare receivedOn: string | null

  @column()
  declare returnReason: string | null

  @column()
  declare newCaseId: number | null

  @column()
  declare eventId: number | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  @belongsTo(() => Case)
  declare case: BelongsTo<typeof Case>

  @belongsTo(() => Case, { foreignKey: 'newCaseId' })
  declare newCase: BelongsTo<typeof Case>

  @belongsTo(() => Unit, { foreignKey: 'fromUnitId' })
  declare fromUnit: BelongsTo<typeof Unit>

  @belongsTo(() => Unit, { foreignKey: 'toUnitId' })
  declare toUnit: BelongsTo<typeof Unit>

  @belongsTo(() => User, { foreignKey: 'proposedById' })
  declare proposedBy: BelongsTo<typeof User>

  @belongsTo(() => User, { foreignKey: 'confirmedById' })
  declare confirmedBy: BelongsTo<typeof User>

  @belongsTo(() => User, { foreignKey: 'receivedById' })
  declare receivedBy: BelongsTo<typeof User>
}
