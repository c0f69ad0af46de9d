import { DateTime } from 'luxon'
import { BaseModel, belongsTo, column, hasMany } from '@adonisjs/lucid/orm'
import type { BelongsTo, HasMany } from '@adonisjs/lucid/types/relations'
import { User, Unit } from '#accounts'
import Judgment from './judgment.js'
import EnforcementRequest from './enforcement_request.js'
import CaseParty from './case_party.js'
import CaseObligation from './case_obligation.js'
import CaseEvent from './case_event.js'
import MoneyEntry from './money_entry.js'

export type DraftStatus = 'draft' | 'submitted' | 'approved' | 'rejected'
export const CASE_KINDS = ['ex_officio', 'on_request'] as const
export const CASE_ORIGINS = ['new', 'delegated_in', 'withdrawn_in'] as const

/**
 * One enforcement decision = one case. Before approval the row is a draft decision (draft_status);
 * status/remaining/held are caches of the spans and money entries, kept in the writing transaction.
 */
export default class Case extends BaseModel {
  static table = 'cases'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare unitId: number

  @column()
  declare unitPath: string

  @column()
  declare year: number

  @column()
  declare seq: number | null

  @column()
  declare number: string | null

  @column()
  declare draftStatus: DraftStatus

  @column()
  declare decisionDate: string | null

  @column()
  declare kind: (typeof CASE_KINDS)[number]

  @column()
  declare origin: (typeof CASE_ORIGINS)[number]

  @column()
  declare sourceCaseId: number | null

  @column()
  declare judgmentId: number | null

  @column()
  declare requestId: number | null

  @column()
  declare officerId: number | null

  @column({ consume: (v) => Boolean(v) })
  declare creditInstitution: boolean

  @column()
  declare area: string | null

  @column()
  declare debtorName: string | null

  @column()
  declare creditorName: string | null

  @column()
  declare summary: string | null

  @column()
  declare status: string

  @column({ consume: (v) => Number(v) })
  declare remaining: number

  @column({ consume: (v) => Number(v) })
  declare held: number

  @column()
  declare draftedById: number | null

  @column()
  declare reviewedById: number | null

  @column()
  declare reviewComment: string | null

  @column()
  declare version: number

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  @belongsTo(() => Unit)
  declare unit: BelongsTo<typeof Unit>

  @belongsTo(() => User, { foreignKey: 'officerId' })
  declare officer: BelongsTo<typeof User>

  @belongsTo(() => Judgment)
  declare judgment: BelongsTo<typeof Judgment>

  @belongsTo(() => EnforcementRequest, { foreignKey: 'requestId' })
  declare request: BelongsTo<typeof EnforcementRequest>

  @hasMany(() => CaseParty)
  declare parties: HasMany<typeof CaseParty>

  @hasMany(() => CaseObligation)
  declare obligations: HasMany<typeof CaseObligation>

  @hasMany(() => CaseEvent)
  declare events: HasMany<typeof CaseEvent>

  @hasMany(() => MoneyEntry)
  declare moneyEntries: HasMany<typeof MoneyEntry>

  get isAccepted(): boolean {
    return this.draftStatus === 'approved'
  }
}
