/** Reconciliation with the paper reports (SPEC §9, CV 2352). Imported by app/reporting/routes.ts. */
import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'
import { registerDashboardWidget, registerNavItem } from '#core'
import { reconciliationWidget } from './widget.js'
import { registerReconciliationJobs } from './jobs.js'

const ReconciliationController = () => import('./controllers/reconciliation_controller.js')
const FiguresController = () => import('./controllers/figures_controller.js')

registerNavItem({
  label: 'reconciliation.nav',
  route: 'reconciliation.index',
  roles: ['head', 'statistician', 'inspector'],
  order: 52,
})
registerDashboardWidget(reconciliationWidget)
registerReconciliationJobs()

router
  .group(() => {
    router.get('/reconciliation', [ReconciliationController, 'index']).as('reconciliation.index')
    router
      .get('/reconciliation/figures', [FiguresController, 'create'])
      .as('reconciliation.figures')
    router
      .post('/reconciliation/figures', [FiguresController, 'store'])
      .as('reconciliation.figures.store')
    router
      .post('/reconciliation/figures/import', [FiguresController, 'import'])
      .as('reconciliation.figures.import')
    router
      .get('/reconciliation/figures/template', [FiguresController, 'template'])
      .as('reconciliation.figures.template')
    router.get('/reconciliation/plan', [FiguresController, 'plan']).as('reconciliation.plan')
    router
      .post('/reconciliation/plan', [FiguresController, 'savePlan'])
      .as('reconciliation.plan.store')
  })
  .use(middleware.auth())
