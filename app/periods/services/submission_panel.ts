/**
 * State of the "Submit" button on the form page: whether the reader may submit this form for this unit and
 * period, at which level, and the newest version already submitted (with its status).
 */
import type { User } from '#accounts'
import { today } from '#core'
import type { ComputedForm } from '#reporting'
import { submissionLevelFor } from './submission_access.js'
import { newestOfChain } from './submission_store.js'

export async function submissionPanel(user: User | null | undefined, form: ComputedForm) {
  if (!user || !form?.unit) return null
  const level = submissionLevelFor(user, { id: form.unit.id, path: '', level: form.unit.level })
  if (!level) return null
  // The page may show another layout than the one submitted; the snapshot always uses the level's own.
  if (level === 'officer' && form.officerId !== user.id) return null
  const newest = await newestOfChain({
    formId: form.form.id,
    unitId: form.unit.id,
    year: form.period.year,
    period: form.period.n,
    level,
    officerId: level === 'officer' ? user.id : 0,
  })
  const status = newest ? newest.status : null
  return {
    level,
    ended: today() > form.period.end,
    errors: form.rules.filter((r) => !r.passed && r.importance === 'error').length,
    newest: newest
      ? { id: newest.id, version: newest.version, status, revised: newest.isRevised }
      : null,
    canSubmit: !newest || status === 'returned' || newest.isRevised,
  }
}
