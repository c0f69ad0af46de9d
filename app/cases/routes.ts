import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'
import { registerCaseWidgets } from './widgets.js'
import { registerCasesJobs } from './jobs.js'
import { registerCasesPreauthorization } from './services/preauthorize.js'
import { registerCaseRuleFields } from './rule_fields.js'
import { registerUiWidgets } from './widgets_ui.js'
import { registerOverdueTrendWidget } from './widgets_overdue.js'
import './routes_transfers.js'
import './routes_attachments.js'
import './routes_deadlines.js'
import './routes_ui.js'
import './routes_imports.js'

const CasesController = () => import('./controllers/cases_controller.js')
const SavedFiltersController = () => import('./controllers/saved_filters_controller.js')
const JudgmentsController = () => import('./controllers/judgments_controller.js')
const RequestsController = () => import('./controllers/requests_controller.js')
const DecisionsController = () => import('./controllers/decisions_controller.js')
const TokensController = () => import('./controllers/tokens_controller.js')
const CasesApiController = () => import('./controllers/api_controller.js')

registerCaseWidgets()
registerCasesJobs()
registerCaseRuleFields()
registerUiWidgets()
registerOverdueTrendWidget()
const id = { id: router.matchers.number() }

router
  .group(() => {
    router.get('/cases', [CasesController, 'index']).as('cases.index')
    router.get('/cases/mine', [CasesController, 'mine']).as('cases.mine')
    router.post('/cases/filters', [SavedFiltersController, 'store']).as('cases.filters.store')
    router
      .post('/cases/filters/:id/delete', [SavedFiltersController, 'destroy'])
      .as('cases.filters.destroy')
      .where('id', id.id)
    router.get('/cases/:id', [CasesController, 'show']).as('cases.show').where('id', id.id)
    router
      .post('/cases/:id/events', [CasesController, 'storeEvent'])
      .as('cases.events.store')
      .where('id', id.id)
    router
      .post('/cases/:id/money', [CasesController, 'storeMoney'])
      .as('cases.money.store')
      .where('id', id.id)
    router
      .post('/cases/:id/assign', [CasesController, 'assign'])
      .as('cases.assign')
      .where('id', id.id)

    router.get('/judgments', [JudgmentsController, 'index']).as('judgments.index')
    router.get('/judgments/new', [JudgmentsController, 'create']).as('judgments.create')
    router.post('/judgments', [JudgmentsController, 'store']).as('judgments.store')

    router.get('/requests', [RequestsController, 'index']).as('requests.index')
    router.get('/requests/new', [RequestsController, 'create']).as('requests.create')
    router.post('/requests', [RequestsController, 'store']).as('requests.store')
    router
      .post('/requests/:id/refuse', [RequestsController, 'refuse'])
      .as('requests.refuse')
      .where('id', id.id)

    router.get('/decisions', [DecisionsController, 'index']).as('decisions.index')
    router.get('/decisions/new', [DecisionsController, 'create']).as('decisions.create')
    router.post('/decisions', [DecisionsController, 'store']).as('decisions.store')
    router
      .get('/decisions/:id', [DecisionsController, 'show'])
      .as('decisions.show')
      .where('id', id.id)
    router
      .get('/decisions/:id/edit', [DecisionsController, 'edit'])
      .as('decisions.edit')
      .where('id', id.id)
    router
      .put('/decisions/:id', [DecisionsController, 'update'])
      .as('decisions.update')
      .where('id', id.id)
    router
      .post('/decisions/:id/submit', [DecisionsController, 'submit'])
      .as('decisions.submit')
      .where('id', id.id)
    router
      .post('/decisions/:id/approve', [DecisionsController, 'approve'])
      .as('decisions.approve')
      .where('id', id.id)
    router
      .post('/decisions/:id/reject', [DecisionsController, 'reject'])
      .as('decisions.reject')
      .where('id', id.id)

    router.get('/account/tokens', [TokensController, 'index']).as('tokens.index')
    router.post('/account/tokens', [TokensController, 'store']).as('tokens.store')
    router
      .post('/account/tokens/:id/revoke', [TokensController, 'destroy'])
      .as('tokens.destroy')
      .where('id', id.id)
  })
  .use(middleware.auth())

router
  .group(() => {
    router.get('/cases', [CasesApiController, 'index']).use(middleware.api({ scope: 'cases:read' }))
    router
      .get('/cases/:id', [CasesApiController, 'show'])
      .where('id', id.id)
      .use(middleware.api({ scope: 'cases:read' }))
    router
      .post('/cases/:id/events', [CasesApiController, 'storeEvent'])
      .where('id', id.id)
      .use(middleware.api({ scope: 'cases:write' }))
    router
      .post('/cases/:id/money', [CasesApiController, 'storeMoney'])
      .where('id', id.id)
      .use(middleware.api({ scope: 'cases:write' }))
    router
      .post('/judgments', [CasesApiController, 'storeJudgment'])
      .use(middleware.api({ scope: 'cases:write' }))
    router
      .post('/requests', [CasesApiController, 'storeRequest'])
      .use(middleware.api({ scope: 'cases:write' }))
    router
      .post('/decisions', [CasesApiController, 'storeDraft'])
      .use(middleware.api({ scope: 'cases:write' }))
    router
      .post('/decisions/:id/submit', [CasesApiController, 'submit'])
      .where('id', id.id)
      .use(middleware.api({ scope: 'cases:write' }))
    router
      .post('/decisions/:id/approve', [CasesApiController, 'approve'])
      .where('id', id.id)
      .use(middleware.api({ scope: 'cases:write' }))
    router
      .post('/decisions/:id/reject', [CasesApiController, 'reject'])
      .where('id', id.id)
      .use(middleware.api({ scope: 'cases:write' }))
  })
  .prefix('/api/v1')

registerCasesPreauthorization()
