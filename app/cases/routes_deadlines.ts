/**
 * Legal deadlines (SPEC §3): the case page panel, overdue lists per officer and per unit, publication acts
 * and the re-verification interval; dashboard counts and navigation. Also registers how the cases module's
 * refusal messages show event types, statuses, amounts and dates.
 */
import router from '@adonisjs/core/services/router'
import edge from 'edge.js'
import { middleware } from '#start/kernel'
import { onCalendarChanged, registerDashboardWidget, registerNavItem } from '#core'
import type { User } from '#accounts'
import type Case from './models/case.js'
import { canRecord } from './services/access.js'
import { caseDeadlines, overdueCount, publicationsOf } from './services/deadlines/load.js'
import { refreshDeadlinesAround } from './services/deadlines/store.js'
import { REVERIFY_REASONS } from './services/deadlines/rules.js'
import { registerCaseMessageFormats } from './services/message_formats.js'
import { today } from './services/dates.js'

const DeadlinesController = () => import('./controllers/deadlines_controller.js')
const number = router.matchers.number()

registerCaseMessageFormats()
// Due days counted in working days move when the calendar changes.
onCalendarChanged(refreshDeadlinesAround)

/** Data of the case page's deadline panel (cases/deadlines/_panel.edge). */
edge.global('deadlinePanel', async (user: User, c: Case) => {
  const recordable = canRecord(user, c)
  const publications = c.draftStatus === 'approved' ? await publicationsOf(c.id) : []
  const last = publications[publications.length - 1]
  const published = !!last && last.action !== 'remove'
  return {
    deadlines: await caseDeadlines(c),
    publications: publications.map((p) => ({
      ...p,
      effective_date: String(p.effective_date).slice(0, 10),
    })),
    reverifyReason: (c.$extras.reverify_reason ?? (c as any).reverifyReason ?? null) as
      string | null,
    reasons: REVERIFY_REASONS,
    canSetInterval: recordable && c.status === 'no_conditions',
    publicationActions: recordable
      ? [
          ...(c.status === 'no_conditions' && !published ? ['publish'] : []),
          ...(c.status === 'no_conditions' && published ? ['update'] : []),
          ...(published ? ['remove'] : []),
        ]
      : [],
    today: today(),
  }
})

registerNavItem({
  label: 'deadlines.nav.mine',
  route: 'deadlines.mine',
  roles: ['officer'],
  order: 15,
})
registerNavItem({
  label: 'deadlines.nav.unit',
  route: 'deadlines.index',
  roles: ['head', 'statistician'],
  order: 16,
})
registerDashboardWidget({
  id: 'deadlines.mine',
  roles: ['officer'],
  order: 23,
  view: 'cases/deadlines/widget',
  load: async (user: User) => ({
    count: await overdueCount(user, { mine: true }),
    route: 'deadlines.mine',
    title: 'deadlines.widgets.mine',
  }),
})
registerDashboardWidget({
  id: 'deadlines.unit',
  roles: ['head'],
  order: 24,
  view: 'cases/deadlines/widget',
  load: async (user: User) => ({
    count: await overdueCount(user, {}),
    route: 'deadlines.index',
    title: 'deadlines.widgets.unit',
  }),
})

router
  .group(() => {
    router.get('/deadlines/mine', [DeadlinesController, 'mine']).as('deadlines.mine')
    router.get('/deadlines', [DeadlinesController, 'index']).as('deadlines.index')
    router
      .post('/cases/:id/publications', [DeadlinesController, 'storePublication'])
      .as('deadlines.publications.store')
      .where('id', number)
    router
      .post('/cases/:id/reverify-interval', [DeadlinesController, 'reverify'])
      .as('deadlines.reverify')
      .where('id', number)
  })
  .use(middleware.auth())

router
  .get('/api/v1/cases/:id/deadlines', [DeadlinesController, 'apiShow'])
  .where('id', number)
  .use(middleware.api({ scope: 'cases:read' }))
