/** Routes of the transfer flows: handovers, delegations, withdrawal and revocation (pages and API v1). */
import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'
import { registerTransferWidgets } from './widgets_transfers.js'

const HandoversController = () => import('./controllers/handovers_controller.js')
const DelegationsController = () => import('./controllers/delegations_controller.js')
const TransfersApiController = () => import('./controllers/transfers_api_controller.js')

registerTransferWidgets()
const num = router.matchers.number()

router
  .group(() => {
    router.get('/handovers', [HandoversController, 'index']).as('handovers.index')
    router.get('/handovers/new', [HandoversController, 'create']).as('handovers.create')
    router.post('/handovers', [HandoversController, 'store']).as('handovers.store')
    router
      .post('/handovers/reassign-inactive', [HandoversController, 'reassign'])
      .as('handovers.reassign')
    router
      .get('/handovers/:id', [HandoversController, 'show'])
      .as('handovers.show')
      .where('id', num)
    router
      .post('/handovers/:id/confirm', [HandoversController, 'confirm'])
      .as('handovers.confirm')
      .where('id', num)
    router
      .post('/handovers/:id/reject', [HandoversController, 'reject'])
      .as('handovers.reject')
      .where('id', num)

    router.get('/delegations', [DelegationsController, 'index']).as('delegations.index')
    router
      .get('/delegations/:id', [DelegationsController, 'show'])
      .as('delegations.show')
      .where('id', num)
    router
      .post('/cases/:id/delegations', [DelegationsController, 'store'])
      .as('delegations.store')
      .where('id', num)
    router
      .post('/delegations/:id/confirm', [DelegationsController, 'confirm'])
      .as('delegations.confirm')
      .where('id', num)
    router
      .post('/delegations/:id/reject', [DelegationsController, 'reject'])
      .as('delegations.reject')
      .where('id', num)
    router
      .post('/delegations/:id/accept', [DelegationsController, 'accept'])
      .as('delegations.accept')
      .where('id', num)
    router
      .post('/delegations/:id/return', [DelegationsController, 'return'])
      .as('delegations.return')
      .where('id', num)
    router
      .post('/cases/:id/withdraw', [DelegationsController, 'withdraw'])
      .as('cases.withdraw')
      .where('id', num)
    router
      .post('/cases/:id/revoke', [DelegationsController, 'revoke'])
      .as('cases.revoke')
      .where('id', num)
  })
  .use(middleware.auth())

const read = () => middleware.api({ scope: 'cases:read' })
const write = () => middleware.api({ scope: 'cases:write' })
router
  .group(() => {
    router.get('/handovers', [TransfersApiController, 'handovers']).use(read())
    router.get('/handovers/:id', [TransfersApiController, 'handover']).where('id', num).use(read())
    router.post('/handovers', [TransfersApiController, 'proposeHandover']).use(write())
    router
      .post('/handovers/reassign-inactive', [TransfersApiController, 'reassignInactive'])
      .use(write())
    router
      .post('/handovers/:id/confirm', [TransfersApiController, 'confirmHandover'])
      .where('id', num)
      .use(write())
    router
      .post('/handovers/:id/reject', [TransfersApiController, 'rejectHandover'])
      .where('id', num)
      .use(write())
    router.get('/delegations', [TransfersApiController, 'delegations']).use(read())
    router
      .get('/delegations/:id', [TransfersApiController, 'delegation'])
      .where('id', num)
      .use(read())
    router
      .post('/cases/:id/delegations', [TransfersApiController, 'proposeDelegation'])
      .where('id', num)
      .use(write())
    router
      .post('/delegations/:id/confirm', [TransfersApiController, 'confirmDelegation'])
      .where('id', num)
      .use(write())
    router
      .post('/delegations/:id/reject', [TransfersApiController, 'rejectDelegation'])
      .where('id', num)
      .use(write())
    router
      .post('/delegations/:id/accept', [TransfersApiController, 'acceptDelegation'])
      .where('id', num)
      .use(write())
    router
      .post('/delegations/:id/return', [TransfersApiController, 'returnDelegation'])
      .where('id', num)
      .use(write())
    router
      .post('/cases/:id/withdraw', [TransfersApiController, 'withdraw'])
      .where('id', num)
      .use(write())
    router
      .post('/cases/:id/revoke', [TransfersApiController, 'revoke'])
      .where('id', num)
      .use(write())
  })
  .prefix('/api/v1')
