/**
 * Export routes: direct downloads of a form (page and API), background jobs with progress, my jobs and
 * their downloads. Imported by app/reporting/routes.ts. The runner's timer runs in the web server only.
 */
import app from '@adonisjs/core/services/app'
import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'
import { registerPreauthorization } from '#core'
import { exportRunner } from './services/job_runner.js'
import { registerExportsPreauthorization } from './services/preauthorize.js'
import { authorizeCaseListExport } from './services/case_list_source.js'

const ExportsController = () => import('./controllers/exports_controller.js')
const ApiExportsController = () => import('./controllers/api_exports_controller.js')
const CaseListExportsController = () => import('./controllers/case_list_exports_controller.js')

registerExportsPreauthorization()

const formId = /^[a-z0-9][a-z0-9-]*$/
const jobId = /^\d+$/

router
  .group(() => {
    router
      .get('/reports/forms/:id/export', [ExportsController, 'download'])
      .as('reports.export')
      .where('id', formId)
    router.get('/reports/exports', [ExportsController, 'index']).as('reports.exports.index')
    router.post('/reports/exports', [ExportsController, 'store']).as('reports.exports.store')
    router
      .get('/reports/exports/:job', [ExportsController, 'show'])
      .as('reports.exports.show')
      .where('job', jobId)
    router
      .get('/reports/exports/:job/download', [ExportsController, 'file'])
      .as('reports.exports.download')
      .where('job', jobId)
    // "Xuất danh sách" on /cases: the filtered case list as a background job (issue 11).
    router.post('/cases/export', [CaseListExportsController, 'store']).as('cases.export')
  })
  .use(middleware.auth())

router
  .get('/api/v1/forms/:id/export', [ApiExportsController, 'download'])
  .as('api.forms.export')
  .where('id', formId)
  .use(middleware.api({ scope: 'reports:read' }))

registerPreauthorization('POST /cases/export', (_ctx, user) => authorizeCaseListExport(user))

if (app.getEnvironment() === 'web') exportRunner.start()
