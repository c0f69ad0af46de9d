/**
 * Submission of statistical forms (SPEC §4): the board, a submitted version and its decisions; the lock check
 * ('submitted') and the revision listener are registered here, at boot, with the periods module.
 */
import router from '@adonisjs/core/services/router'
import edge from 'edge.js'
import { registerNavItem } from '#core'
import type { User } from '#accounts'
import type { ComputedForm } from '#reporting'
import { middleware } from '#start/kernel'
import { registerSubmissionCheck } from './services/lock.js'
import { onEditUnderException } from './events.js'
import { submittedCheck } from './services/submission_lock.js'
import { submissionPanel } from './services/submission_panel.js'
import { MarkSubmissionsRevised } from './actions/submission_mark_revised.js'
import { registerSubmissionWidget } from './services/submission_widget.js'

const SubmissionsController = () => import('./controllers/submissions_controller.js')
const SubmissionPrintsController = () => import('./controllers/submission_prints_controller.js')

registerSubmissionCheck(submittedCheck)
onEditUnderException((edit) => new MarkSubmissionsRevised().handle(edit).then(() => undefined))
registerSubmissionWidget()
registerNavItem({
  label: 'submissions.nav',
  route: 'periods.submissions.index',
  roles: ['head', 'statistician', 'officer', 'inspector'],
  order: 52,
})

/** The form page's submit partial (periods/submissions/partials/submit_button.edge) reads its state here. */
edge.global('submissionPanel', (user: User | null | undefined, form: ComputedForm) =>
  submissionPanel(user, form)
)

router
  .group(() => {
    const id = router.matchers.number()
    router
      .get('/periods/submissions', [SubmissionsController, 'index'])
      .as('periods.submissions.index')
    router
      .post('/periods/submissions', [SubmissionsController, 'store'])
      .as('periods.submissions.store')
    router
      .get('/periods/submissions/:id', [SubmissionsController, 'show'])
      .as('periods.submissions.show')
      .where('id', id)
    // PDF / Excel of the immutable snapshot, with hash, checkpoint and verification QR (issue 9).
    router
      .get('/periods/submissions/:id/print/:format', [SubmissionPrintsController, 'download'])
      .as('periods.submissions.print')
      .where('id', id)
      .where('format', /^(pdf|xlsx)$/)
    router
      .post('/periods/submissions/:id/approve', [SubmissionsController, 'approve'])
      .as('periods.submissions.approve')
      .where('id', id)
    router
      .post('/periods/submissions/:id/accept', [SubmissionsController, 'accept'])
      .as('periods.submissions.accept')
      .where('id', id)
    router
      .post('/periods/submissions/:id/return', [SubmissionsController, 'return'])
      .as('periods.submissions.return')
      .where('id', id)
    router
      .post('/periods/submissions/:id/resubmit', [SubmissionsController, 'resubmit'])
      .as('periods.submissions.resubmit')
      .where('id', id)
  })
  .use(middleware.auth())
