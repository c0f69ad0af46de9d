/** Warehouse routes (SPEC §6): ledger, orders, stock-takes, print views and exports. */
import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'
import { registerWarehouseWidgets } from './widgets.js'
import { registerExhibitAttachments } from './services/attachments.js'
import { registerCasePanel } from './services/case_panel.js'

const ExhibitsController = () => import('./controllers/exhibits_controller.js')
const OrdersController = () => import('./controllers/orders_controller.js')
const StocktakesController = () => import('./controllers/stocktakes_controller.js')
const CardsController = () => import('./controllers/cards_controller.js')

registerWarehouseWidgets()
registerExhibitAttachments()
registerCasePanel()
const num = router.matchers.number()

router
  .group(() => {
    router.get('/exhibits', [ExhibitsController, 'index']).as('warehouse.exhibits.index')
    router.get('/exhibits/new', [ExhibitsController, 'create']).as('warehouse.exhibits.create')
    router.post('/exhibits', [ExhibitsController, 'store']).as('warehouse.exhibits.store')
    router
      .get('/ledger/:format', [CardsController, 'ledger'])
      .as('warehouse.ledger')
      .where('format', /^(html|xlsx|csv|pdf)$/)
    router
      .get('/exhibits/:id', [ExhibitsController, 'show'])
      .as('warehouse.exhibits.show')
      .where('id', num)
    router
      .get('/exhibits/:id/label', [CardsController, 'label'])
      .as('warehouse.exhibits.label')
      .where('id', num)
    router
      .get('/exhibits/:id/card', [CardsController, 'itemCard'])
      .as('warehouse.exhibits.card')
      .where('id', num)
    router
      .post('/exhibits/:id/orders', [OrdersController, 'store'])
      .as('warehouse.orders.store')
      .where('id', num)
    router
      .get('/cases/:id/card', [CardsController, 'caseCard'])
      .as('warehouse.cases.card')
      .where('id', num)

    router.get('/orders', [OrdersController, 'index']).as('warehouse.orders.index')
    router
      .get('/orders/:id', [OrdersController, 'show'])
      .as('warehouse.orders.show')
      .where('id', num)
    router
      .post('/orders/:id/sign', [OrdersController, 'sign'])
      .as('warehouse.orders.sign')
      .where('id', num)
    router
      .post('/orders/:id/refuse', [OrdersController, 'refuse'])
      .as('warehouse.orders.refuse')
      .where('id', num)
    router
      .post('/orders/:id/execute', [OrdersController, 'execute'])
      .as('warehouse.orders.execute')
      .where('id', num)

    router.get('/stocktakes', [StocktakesController, 'index']).as('warehouse.stocktakes.index')
    router
      .get('/stocktakes/new', [StocktakesController, 'create'])
      .as('warehouse.stocktakes.create')
    router.post('/stocktakes', [StocktakesController, 'store']).as('warehouse.stocktakes.store')
    router
      .get('/stocktakes/:id', [StocktakesController, 'show'])
      .as('warehouse.stocktakes.show')
      .where('id', num)
    router
      .post('/stocktakes/:id/approve', [StocktakesController, 'approve'])
      .as('warehouse.stocktakes.approve')
      .where('id', num)
  })
  .prefix('/warehouse')
  .use(middleware.auth())
