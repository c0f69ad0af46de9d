import { DateTime } from 'luxon'
import { BaseModel, belongsTo, column, hasMany } from '@adonisjs/lucid/orm'
import type { BelongsTo, HasMany } from '@adonisjs/lucid/types/relations'
import { User, Unit } from '#accounts'
import type { ComputedForm } from '#reporting'
import SubmissionDecision from './submission_decision.js'
import SubmissionRevision from './submission_revision.js'
import { isoDay } from './iso.js'

/** Levels of the submission chain (SPEC §4): officer → unit → province → national (which only accepts). */
export const SUBMISSION_LEVELS = ['officer', 'unit', 'province'] as const
export type SubmissionLevel = (typeof SUBMISSION_LEVELS)[number]

/** Working days after the period's end each level has to submit (SPEC §4). */
export const DEADLINE_WORKING_DAYS: Record<SubmissionLevel, number> = {
  officer: 1,
  unit: 2,
  province: 4,
}

/** submitted (waiting for the unit head) → approved → accepted (by the parent level); returned at either step. */
export const SUBMISSION_STATUSES = ['submitted', 'approved', 'accepted', 'returned'] as const
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number]

/**
 * One submitted version of a form: the ComputedForm JSON exactly as submitted and its sha256. The row is never
 * updated (database triggers refuse it); its status is its latest decision, "revised" is the existence of a revision.
 */
export default class Submission extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare formId: string

  @column()
  declare formVersion: string

  @column()
  declare level: SubmissionLevel

  @column()
  declare unitId: number

  @column()
  declare unitPath: string

  /** 0 for unit and province reports. */
  @column()
  declare officerId: number

  @column()
  declare year: number

  @column()
  declare period: number

  @column({ consume: isoDay })
  declare periodEnd: string

  @column()
  declare version: number

  @column()
  declare previousId: number | null

  @column()
  declare snapshot: string

  @column({ columnName: 'sha256' })
  declare sha256: string

  @column()
  declare errorViolations: number

  @column()
  declare warningViolations: number

  @column()
  declare submittedById: number

  @column.dateTime()
  declare submittedAt: DateTime

  @column({ consume: isoDay })
  declare submittedOn: string

  @column({ consume: isoDay })
  declare deadline: string

  @column({ consume: (v) => Boolean(Number(v)) })
  declare late: boolean

  @belongsTo(() => Unit)
  declare unit: BelongsTo<typeof Unit>

  @belongsTo(() => User, { foreignKey: 'submittedById' })
  declare submittedBy: BelongsTo<typeof User>

  @hasMany(() => SubmissionDecision)
  declare decisions: HasMany<typeof SubmissionDecision>

  @hasMany(() => SubmissionRevision)
  declare revisions: HasMany<typeof SubmissionRevision>

  /** The snapshot as submitted. */
  get form(): ComputedForm {
    return JSON.parse(this.snapshot)
  }

  /** Status from the decisions (loaded, oldest first): the latest one wins; none = submitted. */
  get status(): SubmissionStatus {
    const last = (this.decisions ?? []).at(-1)
    return last ? last.action : 'submitted'
  }

  get returnReason(): string | null {
    const last = (this.decisions ?? []).at(-1)
    return last?.action === 'returned' ? last.reason : null
  }

  get isRevised(): boolean {
    return (this.revisions ?? []).length > 0
  }
}
