/**
 * Reports area (session) and the forms API (token with `reports:read`). Plugins are discovered here, at boot:
 * a broken plugin is logged and listed with its error, never fatal.
 */
import app from '@adonisjs/core/services/app'
import logger from '@adonisjs/core/services/logger'
import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'
import { registerNavItem } from '#core'
import { loadPlugins } from './plugin/loader.js'

await loadPlugins(app.makePath('plugins'), logger)

registerNavItem({
  label: 'reporting.nav',
  route: 'reports.index',
  roles: ['head', 'statistician', 'inspector', 'officer'],
  order: 50,
})

const ReportsController = () => import('./controllers/reports_controller.js')
const PluginsController = () => import('./controllers/plugins_controller.js')
const ApiFormsController = () => import('./controllers/api_forms_controller.js')
const CrossPeriodController = () => import('./controllers/cross_period_controller.js')

const formId = { match: /^[a-z0-9][a-z0-9-]*$/ }

router
  .group(() => {
    router.get('/reports', [ReportsController, 'index']).as('reports.index')
    router.get('/reports/plugins', [PluginsController, 'index']).as('reports.plugins')
    router
      .get('/reports/forms/:id', [ReportsController, 'show'])
      .as('reports.show')
      .where('id', formId)
    router
      .get('/reports/forms/:id/cell', [ReportsController, 'cell'])
      .as('reports.cell')
      .where('id', formId)
    router
      .get('/reports/forms/:id/across', [CrossPeriodController, 'show'])
      .as('reports.across')
      .where('id', formId)
  })
  .use(middleware.auth())

router
  .group(() => {
    router.get('/forms', [ApiFormsController, 'index']).as('api.forms.index')
    router.get('/forms/:id', [ApiFormsController, 'show']).as('api.forms.show').where('id', formId)
    router
      .get('/forms/:id/cell', [ApiFormsController, 'cell'])
      .as('api.forms.cell')
      .where('id', formId)
    router
      .get('/forms/:id/across', [CrossPeriodController, 'show'])
      .as('api.forms.across')
      .where('id', formId)
  })
  .prefix('/api/v1')
  .use(middleware.api({ scope: 'reports:read' }))

await import('./exports/routes.js')
await import('./reconciliation/routes.js')
await import('./completeness/routes.js')
await import('./schedules/routes.js')
