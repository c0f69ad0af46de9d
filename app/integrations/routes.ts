import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'
import { bootIntegrations } from './boot.js'
import { registerIntegrationWidgets } from './widgets.js'
import { registerIntegrationsPreauthorization } from './preauthorize.js'

const ClientsController = () => import('./controllers/clients_controller.js')
const InboundController = () => import('./controllers/inbound_controller.js')
const DebtorsController = () => import('./controllers/debtors_controller.js')
const ComplianceController = () => import('./controllers/compliance_controller.js')

bootIntegrations()
registerIntegrationWidgets()
registerIntegrationsPreauthorization()
const id = router.matchers.number()

router
  .group(() => {
    router.get('/integrations', [ClientsController, 'index']).as('integrations.index')
    router.post('/integrations', [ClientsController, 'store']).as('integrations.store')
    router
      .get('/integrations/compliance', [ComplianceController, 'index'])
      .as('integrations.compliance')
    router
      .get('/integrations/:id', [ClientsController, 'show'])
      .as('integrations.show')
      .where('id', id)
    router
      .post('/integrations/:id', [ClientsController, 'update'])
      .as('integrations.update')
      .where('id', id)
    router
      .post('/integrations/:id/scopes', [ClientsController, 'scope'])
      .as('integrations.scope')
      .where('id', id)
    router
      .post('/integrations/:id/credentials', [ClientsController, 'issue'])
      .as('integrations.issue')
      .where('id', id)
    router
      .post('/integrations/:id/credentials/:cid/revoke', [ClientsController, 'revoke'])
      .as('integrations.revoke')
      .where('id', id)
      .where('cid', id)
    router
      .post('/integrations/:id/replay', [ClientsController, 'replay'])
      .as('integrations.replay')
      .where('id', id)
  })
  .use(middleware.auth())

router.get('/public/debtors', [DebtorsController, 'index']).as('public.debtors')
router
  .get('/public/debtors/export/:format', [DebtorsController, 'download'])
  .as('public.debtors.download')
  .where('format', /^(csv|xlsx)$/)

router.any('/api/integrations/v1/*', [InboundController, 'handle']).as('integrations.api')
