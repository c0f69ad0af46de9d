import { Unit, type User } from '#accounts'
import { RuleViolation, today, transaction } from '#core'
import { ComputeReport, type ComputedForm } from '#reporting'
import Submission, { type SubmissionLevel } from '../models/submission.js'
import { deny, submissionLevelFor } from '../services/submission_access.js'
import { periodRange } from '../services/periods.js'
import {
  auditSubmission,
  canonicalJson,
  deadlineFor,
  isUniqueViolation,
  newestOfChain,
  nowSql,
  sha256,
} from '../services/submission_store.js'

export interface SubmitInput {
  form: string
  /** Unit code or id. */
  unit: string
  year: number
  period: number
}

/**
 * Submits a unit's form for a period as an immutable snapshot (SPEC §4): the form is computed now for the
 * submitter (an officer gets its own row), refused while an 'error' rule is violated, and stored with its
 * sha256, the deadline of the level and whether it was met. A new version is accepted only when the last one
 * was returned or revised by an edit under an exception.
 */
export class SubmitForm {
  async handle(actor: User, input: SubmitInput): Promise<Submission> {
    const unit = /^\d+$/.test(input.unit)
      ? await Unit.find(Number(input.unit))
      : await Unit.findBy('code', input.unit)
    if (!unit) throw new RuleViolation('reporting.unknown_unit', { unit: input.unit })
    const level = submissionLevelFor(actor, unit)
    if (!level) deny(actor, { type: 'unit', id: unit.id }, unit.path)
    const period = periodRange(input.year, input.period)
    const day = today()
    if (day <= period.end)
      throw new RuleViolation('submissions.errors.period_not_ended', { end: display(period.end) })

    // Computed outside the transaction: the report engine reads through its own connection.
    const { form } = await new ComputeReport().handle(actor, {
      form: input.form,
      unit: String(unit.id),
      year: input.year,
      period: input.period,
      by: level === 'province' ? 'unit' : 'officer',
    })
    if (level === 'officer' && form.officerId !== actor.id)
      deny(actor, { type: 'unit', id: unit.id }, unit.path)
    const errors = form.rules.filter((r) => !r.passed && r.importance === 'error')
    if (errors.length)
      throw new RuleViolation('submissions.errors.rules_violated', {
        count: errors.length,
        rules: describeViolations(form, errors),
      })

    const officerId = level === 'officer' ? actor.id : 0
    const snapshot = canonicalJson(form)
    return transaction(async (trx) => {
      const previous = await newestOfChain(
        {
          formId: form.form.id,
          unitId: unit.id,
          year: input.year,
          period: input.period,
          level,
          officerId,
        },
        trx
      )
      if (previous && previous.status !== 'returned' && !previous.isRevised) {
        throw new RuleViolation('submissions.errors.already_submitted', {
          version: previous.version,
        })
      }
      const deadline = await deadlineFor(level, input.year, input.period, trx)
      const values = {
        formId: form.form.id,
        formVersion: form.form.version,
        level: level as SubmissionLevel,
        unitId: unit.id,
        unitPath: unit.path,
        officerId,
        year: input.year,
        period: input.period,
        periodEnd: period.end,
        version: (previous?.version ?? 0) + 1,
        previousId: previous?.id ?? null,
        snapshot,
        sha256: sha256(snapshot),
        errorViolations: 0,
        warningViolations: form.rules.filter((r) => !r.passed && r.importance === 'warning').length,
        submittedById: actor.id,
        submittedOn: day,
        deadline,
        late: day > deadline,
      }
      let id: number
      try {
        const [inserted] = await trx.insertQuery().table('submissions').insert({
          form_id: values.formId,
          form_version: values.formVersion,
          level: values.level,
          unit_id: values.unitId,
          unit_path: values.unitPath,
          officer_id: values.officerId,
          year: values.year,
          period: values.period,
          period_end: values.periodEnd,
          version: values.version,
          previous_id: values.previousId,
          snapshot: values.snapshot,
          sha256: values.sha256,
          error_violations: 0,
          warning_violations: values.warningViolations,
          submitted_by_id: actor.id,
          submitted_at: nowSql(),
          submitted_on: day,
          deadline,
          late: values.late,
        })
        id = Number(inserted)
      } catch (error) {
        if (isUniqueViolation(error)) throw new RuleViolation('submissions.errors.stale')
        throw error
      }
      const created = (await Submission.query({ client: trx }).where('id', id).firstOrFail())!
      await auditSubmission(
        trx,
        actor,
        created,
        previous ? 'resubmitted' : 'submitted',
        previous ? { id: previous.id, version: previous.version } : null,
        {
          form: values.formId,
          level,
          year: values.year,
          period: values.period,
          version: values.version,
          sha256: values.sha256,
          deadline,
          late: values.late,
        }
      )
      return created
    })
  }
}

/** "c1 = c2 + c3 (Tổng cộng)" for each violated rule, at most ten. */
function describeViolations(form: ComputedForm, violated: ComputedForm['rules']): string {
  const label = (row: number) => form.rows.find((r) => r.key === row)?.label.vi ?? String(row)
  const list = violated
    .slice(0, 10)
    .map((r) => `${r.rule} [${r.cells.join(', ')}] (${label(r.row)}: ${r.left} ≠ ${r.right})`)
  return list.join('; ') + (violated.length > 10 ? ` …(+${violated.length - 10})` : '')
}

function display(day: string) {
  return `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`
}
