import { DateTime } from 'luxon'
import { BaseModel, belongsTo, column, hasMany } from '@adonisjs/lucid/orm'
import type { BelongsTo, HasMany } from '@adonisjs/lucid/types/relations'
import { User, Unit } from '#accounts'
import EditRequestStep from './edit_request_step.js'
import { isoDay } from './iso.js'

export const EDIT_REQUEST_STATUSES = [
  'pending_confirmation',
  'pending_approval',
  'approved',
  'rejected',
  'cancelled',
] as const
export type EditRequestStatus = (typeof EDIT_REQUEST_STATUSES)[number]

/** A past-period edit request (SPEC §4): filed → confirmed by the unit's head → approved by the national level. */
export default class EditRequest extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare unitId: number

  @column()
  declare unitPath: string

  /** YYYY-MM */
  @column()
  declare month: string

  @column()
  declare explanation: string

  @column()
  declare status: EditRequestStatus

  @column()
  declare requestedById: number

  @column.dateTime()
  declare requestedAt: DateTime

  @column()
  declare confirmedById: number | null

  @column.dateTime()
  declare confirmedAt: DateTime | null

  @column()
  declare decidedById: number | null

  @column.dateTime()
  declare decidedAt: DateTime | null

  @column()
  declare decisionComment: string | null

  @column()
  declare exceptionDays: number | null

  @column({ consume: isoDay })
  declare exceptionFrom: string | null

  @column({ consume: isoDay })
  declare exceptionUntil: string | null

  @column()
  declare editsCount: number

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  @belongsTo(() => Unit)
  declare unit: BelongsTo<typeof Unit>

  @belongsTo(() => User, { foreignKey: 'requestedById' })
  declare requestedBy: BelongsTo<typeof User>

  @belongsTo(() => User, { foreignKey: 'confirmedById' })
  declare confirmedBy: BelongsTo<typeof User>

  @belongsTo(() => User, { foreignKey: 'decidedById' })
  declare decidedBy: BelongsTo<typeof User>

  @hasMany(() => EditRequestStep)
  declare steps: HasMany<typeof EditRequestStep>

  /** Case ids of the scope (empty = the whole unit-month); loaded by the caller. */
  caseIds: number[] = []

  get isPending(): boolean {
    return this.status === 'pending_confirmation' || this.status === 'pending_approval'
  }

  /** Approved and `day` inside the time box. */
  isActiveOn(day: string): boolean {
    return (
      this.status === 'approved' &&
      !!this.exceptionFrom &&
      !!this.exceptionUntil &&
      this.exceptionFrom <= day &&
      day <= this.exceptionUntil
    )
  }

  /** The label key of the status as the user sees it: an approved request whose time box ended shows "expired". */
  displayStatus(day: string): string {
    if (this.status === 'approved')
      return this.isActiveOn(day)
        ? 'active'
        : day < (this.exceptionFrom ?? '')
          ? 'approved'
          : 'expired'
    return this.status
  }
}
