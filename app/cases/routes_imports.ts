import router from '@adonisjs/core/services/router'
import app from '@adonisjs/core/services/app'
import { middleware } from '#start/kernel'
import { registerNavItem } from '#core'
import { importRunner } from './imports/services/runner.js'
import { registerImportsPreauthorization } from './imports/services/preauthorize.js'

const ImportsController = () => import('./imports/controllers/imports_controller.js')
const ImportsApiController = () => import('./imports/controllers/imports_api_controller.js')
const id = router.matchers.number()
registerImportsPreauthorization()

registerNavItem({
  label: 'imports.nav',
  route: 'imports.index',
  roles: ['head', 'statistician', 'admin', 'inspector'],
  order: 19,
})

// Historical import (SPEC §8). POST /imports and POST /api/v1/imports stream their file themselves
// (config/bodyparser.ts processManually), with the import size limit.
router
  .group(() => {
    router.get('/imports', [ImportsController, 'index']).as('imports.index')
    router.get('/imports/template/:format', [ImportsController, 'template']).as('imports.template')
    router.get('/imports/sample', [ImportsController, 'sample']).as('imports.sample')
    router.get('/imports/export', [ImportsController, 'export']).as('imports.export')
    router.post('/imports', [ImportsController, 'store']).as('imports.store')
    router.get('/imports/:id', [ImportsController, 'show']).as('imports.show').where('id', id)
    router
      .get('/imports/:id/errors', [ImportsController, 'errors'])
      .as('imports.errors')
      .where('id', id)
    router
      .post('/imports/:id/confirm', [ImportsController, 'confirm'])
      .as('imports.confirm')
      .where('id', id)
    router
      .post('/imports/:id/rollback', [ImportsController, 'rollback'])
      .as('imports.rollback')
      .where('id', id)
  })
  .use(middleware.auth())

router
  .group(() => {
    router
      .post('/imports', [ImportsApiController, 'store'])
      .use(middleware.api({ scope: 'cases:write' }))
    router
      .get('/imports/:id', [ImportsApiController, 'show'])
      .where('id', id)
      .use(middleware.api({ scope: 'cases:read' }))
    router
      .post('/imports/:id/confirm', [ImportsApiController, 'confirm'])
      .where('id', id)
      .use(middleware.api({ scope: 'cases:write' }))
  })
  .prefix('/api/v1')

if (app.getEnvironment() === 'web') importRunner.start()
