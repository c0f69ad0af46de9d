import type { HttpContext } from '@adonisjs/core/http'
import { Unit } from '#accounts'
import { AccessDenied, addDays, RuleViolation, today } from '#core'
import { ComputeReport, formPlugins } from '#reporting'
import Submission from '../models/submission.js'
import { periodOf } from '../services/periods.js'
import {
  deny,
  mayAccept,
  mayApprove,
  mayReadSubmission,
  mayReturn,
  submissionLevelFor,
  submissionReadPrefix,
} from '../services/submission_access.js'
import { buildBoard } from '../services/submission_board.js'
import { diffForms, type CellChange } from '../services/submission_diff.js'
import {
  loadSubmission,
  newestOfChain,
  parentUnitId,
  sha256,
} from '../services/submission_store.js'
import { presentSnapshot } from '../services/submission_view.js'
import {
  boardFilterValidator,
  returnValidator,
  submitFormValidator,
} from '../validators/submissions.js'
import { SubmitForm } from '../actions/submission_submit.js'
import { ApproveSubmission } from '../actions/submission_approve.js'
import { AcceptSubmission } from '../actions/submission_accept.js'
import { ReturnSubmission } from '../actions/submission_return.js'

const DEFAULT_FORM = 'form-06-cases'
/** Badge style of each board state (classes of public/css/app.css). */
const STATE_BADGES = {
  not_submitted: 'badge-closed',
  overdue: 'badge-failed',
  submitted: 'status-pending_approval',
  approved: 'lock-open',
  accepted: 'lock-open',
  returned: 'badge-failed',
}

/** Submissions of statistical forms: the board of a unit, a submitted version, and the chain's decisions. */
export default class SubmissionsController {
  async index({ request, view, auth }: HttpContext) {
    const user = auth.getUserOrFail()
    const filters = await boardFilterValidator.validate(request.qs())
    const prefix = submissionReadPrefix(user)
    if (prefix === null && !user.hasRole('officer'))
      throw new AccessDenied('forbidden', { type: 'submissions' })
    const unit = filters.unit ? await findUnit(filters.unit) : user.unit
    if (!unit) throw new RuleViolation('reporting.unknown_unit', { unit: filters.unit ?? '' })
    const officerOnly = prefix === null || !unit.path.startsWith(prefix)
    if (officerOnly && unit.id !== user.unitId)
      throw new AccessDenied(prefix === null ? 'forbidden' : 'outside_jurisdiction', {
        type: 'unit',
        id: unit.id,
      })
    // By default the last period that has ended.
    const last = periodOf(addDays(`${today().slice(0, 7)}-01`, -1))
    const selected = {
      form: filters.form ?? DEFAULT_FORM,
      year: filters.year ?? last.year,
      period: filters.period ?? last.n,
      unit: unit.code,
      status: filters.status,
    }
    const board = await buildBoard({
      unit,
      form: selected.form,
      year: selected.year,
      period: selected.period,
      officerOnly: officerOnly ? user : undefined,
      filter: filters.status,
    })
    const units =
      prefix === null
        ? [user.unit]
        : await Unit.query()
            .where('path', 'like', `${prefix}%`)
            .whereIn('level', ['national', 'province', 'district', 'regional'])
            .whereNull('valid_to')
            .orderBy('path')
            .limit(1000)
    return view.render('periods/submissions/index', {
      board,
      selected,
      unit,
      units,
      forms: formPlugins().filter(
        (p) => p.definition?.kind === 'form' && (p.definition as { type?: string }).type !== 'list'
      ),
      today: today(),
      badges: STATE_BADGES,
    })
  }

  async show({ params, request, view, auth, i18n, response }: HttpContext) {
    const user = auth.getUserOrFail()
    const submission = await loadSubmission(Number(params.id) || 0)
    if (!mayReadSubmission(user, submission))
      deny(user, { type: 'submission', id: submission.id }, submission.unitPath)
    const form = submission.form
    const compare = submission.isRevised || request.input('compare') === '1'
    const changes = compare ? await this.changesSince(user, submission) : null
    const hashOk = sha256(submission.snapshot) === submission.sha256
    if (request.accepts(['html', 'json']) === 'json') {
      return response.json({
        id: submission.id,
        version: submission.version,
        level: submission.level,
        status: submission.status,
        revised: submission.isRevised,
        sha256: submission.sha256,
        hashOk,
        late: submission.late,
        deadline: submission.deadline,
        form,
        changes,
      })
    }
    const chain = await Submission.query()
      .where({
        form_id: submission.formId,
        unit_id: submission.unitId,
        year: submission.year,
        period: submission.period,
        level: submission.level,
        officer_id: submission.officerId,
      })
      .orderBy('version', 'asc')
      .select('id', 'version', 'submitted_on', 'late')
    const newest = chain.at(-1)!
    const isNewest = newest.id === submission.id
    const parentId = await parentUnitId(submission.unitId)
    const status = submission.status
    const level = submissionLevelFor(user, submission.unit)
    return view.render('periods/submissions/show', {
      submission,
      status,
      table: presentSnapshot(form, i18n.locale, changes),
      compared: changes !== null,
      compareWanted: compare,
      badges: STATE_BADGES,
      hashOk,
      chain,
      isNewest,
      formUrl: `/reports/forms/${submission.formId}?unit=${submission.unit.code}&year=${submission.year}&period=${submission.period}`,
      can: {
        approve: isNewest && status === 'submitted' && mayApprove(user, submission),
        accept: isNewest && status === 'approved' && mayAccept(user, submission, parentId),
        return: isNewest && mayReturn(user, submission, status, parentId),
        resubmit:
          isNewest &&
          (status === 'returned' || submission.isRevised) &&
          level === submission.level &&
          (level !== 'officer' || submission.officerId === user.id),
      },
    })
  }

  async store({ request, response, auth, session, i18n }: HttpContext) {
    const input = await request.validateUsing(submitFormValidator)
    const created = await new SubmitForm().handle(auth.getUserOrFail(), input)
    session.flash(
      'success',
      i18n.t(created.late ? 'submissions.flash.submitted_late' : 'submissions.flash.submitted', {
        version: created.version,
        deadline: display(created.deadline),
      })
    )
    return response.redirect().toRoute('periods.submissions.show', { id: created.id })
  }

  /** A new version of a returned or revised one, computed from today's data. */
  async resubmit({ params, response, auth, session, i18n }: HttpContext) {
    const user = auth.getUserOrFail()
    const previous = await loadSubmission(Number(params.id) || 0)
    if (!mayReadSubmission(user, previous))
      deny(user, { type: 'submission', id: previous.id }, previous.unitPath)
    const newest = await newestOfChain(previous)
    if (newest && newest.id !== previous.id)
      throw new RuleViolation('submissions.errors.superseded', { version: newest.version })
    const created = await new SubmitForm().handle(user, {
      form: previous.formId,
      unit: String(previous.unitId),
      year: previous.year,
      period: previous.period,
    })
    session.flash('success', i18n.t('submissions.flash.resubmitted', { version: created.version }))
    return response.redirect().toRoute('periods.submissions.show', { id: created.id })
  }

  async approve({ params, response, auth, session, i18n }: HttpContext) {
    await new ApproveSubmission().handle(auth.getUserOrFail(), Number(params.id) || 0)
    session.flash('success', i18n.t('submissions.flash.approved'))
    return response.redirect().toRoute('periods.submissions.show', { id: params.id })
  }

  async accept({ params, response, auth, session, i18n }: HttpContext) {
    await new AcceptSubmission().handle(auth.getUserOrFail(), Number(params.id) || 0)
    session.flash('success', i18n.t('submissions.flash.accepted'))
    return response.redirect().toRoute('periods.submissions.show', { id: params.id })
  }

  async return({ params, request, response, auth, session, i18n }: HttpContext) {
    const { reason } = await request.validateUsing(returnValidator)
    await new ReturnSubmission().handle(auth.getUserOrFail(), Number(params.id) || 0, reason)
    session.flash('success', i18n.t('submissions.flash.returned'))
    return response.redirect().toRoute('periods.submissions.show', { id: params.id })
  }

  /** The snapshot against the same form computed now with the reader's rights (null when it may not compute it). */
  private async changesSince(
    user: Parameters<typeof mayApprove>[0],
    submission: Submission
  ): Promise<CellChange[] | null> {
    const form = submission.form
    try {
      const layout = form.layout === 'custom' ? undefined : form.layout
      const { form: current } = await new ComputeReport().handle(user, {
        form: submission.formId,
        unit: String(submission.unitId),
        year: submission.year,
        period: submission.period,
        by: layout,
      })
      return diffForms(form, current)
    } catch (error) {
      if (error instanceof AccessDenied || error instanceof RuleViolation) return null
      throw error
    }
  }
}

async function findUnit(ref: string) {
  return /^\d+$/.test(ref) ? Unit.find(Number(ref)) : Unit.findBy('code', ref)
}

function display(day: string) {
  return `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`
}
