import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'
import { registerPeriodWidgets } from './widgets.js'
import { registerPeriodsPreauthorization } from './preauthorize.js'
import './routes_submissions.js'

const PeriodsController = () => import('./controllers/periods_controller.js')
const EditRequestsController = () => import('./controllers/edit_requests_controller.js')
const HolidaysController = () => import('./controllers/holidays_controller.js')

router
  .group(() => {
    router.get('/periods', [PeriodsController, 'index']).as('periods.index')
    router.get('/periods/years', [PeriodsController, 'years']).as('periods.years.index')
    router
      .post('/periods/years/:year/close', [PeriodsController, 'closeYear'])
      .as('periods.years.close')
      .where('year', router.matchers.number())

    router.get('/periods/requests', [EditRequestsController, 'index']).as('periods.requests.index')
    router
      .get('/periods/requests/new', [EditRequestsController, 'create'])
      .as('periods.requests.create')
    router.post('/periods/requests', [EditRequestsController, 'store']).as('periods.requests.store')
    const id = router.matchers.number()
    router
      .get('/periods/requests/:id', [EditRequestsController, 'show'])
      .as('periods.requests.show')
      .where('id', id)
    router
      .post('/periods/requests/:id/confirm', [EditRequestsController, 'confirm'])
      .as('periods.requests.confirm')
      .where('id', id)
    router
      .post('/periods/requests/:id/decline', [EditRequestsController, 'decline'])
      .as('periods.requests.decline')
      .where('id', id)
    router
      .post('/periods/requests/:id/approve', [EditRequestsController, 'approve'])
      .as('periods.requests.approve')
      .where('id', id)
    router
      .post('/periods/requests/:id/reject', [EditRequestsController, 'reject'])
      .as('periods.requests.reject')
      .where('id', id)
    router
      .post('/periods/requests/:id/cancel', [EditRequestsController, 'cancel'])
      .as('periods.requests.cancel')
      .where('id', id)

    router.get('/periods/holidays', [HolidaysController, 'index']).as('periods.holidays.index')
    router.post('/periods/holidays', [HolidaysController, 'store']).as('periods.holidays.store')
    router
      .post('/periods/holidays/:day/delete', [HolidaysController, 'destroy'])
      .as('periods.holidays.destroy')
      .where('day', /^\d{4}-\d{2}-\d{2}$/)
  })
  .use(middleware.auth())

registerPeriodWidgets()

registerPeriodsPreauthorization()
