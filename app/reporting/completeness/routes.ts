/** Completeness monitoring (SPEC §9). Imported by app/reporting/routes.ts. */
import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'
import { registerDashboardWidget, registerNavItem } from '#core'
import { completenessWidget } from './widget.js'

const CompletenessController = () => import('./controllers/completeness_controller.js')

registerNavItem({
  label: 'completeness.nav',
  route: 'completeness.index',
  roles: ['head', 'statistician', 'inspector'],
  order: 53,
})
registerDashboardWidget(completenessWidget)

router
  .group(() => {
    router.get('/completeness', [CompletenessController, 'index']).as('completeness.index')
    router.get('/completeness/list', [CompletenessController, 'list']).as('completeness.list')
  })
  .use(middleware.auth())
