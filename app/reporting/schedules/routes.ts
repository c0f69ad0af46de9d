/** Scheduled summaries (SPEC §10): pages under /schedules; the ticker starts in the web server. */
import app from '@adonisjs/core/services/app'
import router from '@adonisjs/core/services/router'
import env from '#start/env'
import { middleware } from '#start/kernel'
import { registerNavItem } from '#core'
import { scheduler } from './services/scheduler.js'

const SchedulesController = () => import('./controllers/schedules_controller.js')

registerNavItem({
  label: 'schedules.nav',
  route: 'schedules.index',
  roles: ['head', 'statistician', 'admin'],
  order: 55,
})

router
  .group(() => {
    router.get('/schedules', [SchedulesController, 'index']).as('schedules.index')
    router.get('/schedules/new', [SchedulesController, 'create']).as('schedules.create')
    router.post('/schedules', [SchedulesController, 'store']).as('schedules.store')
    router.get('/schedules/runs', [SchedulesController, 'history']).as('schedules.history')
    router
      .get('/schedules/:id', [SchedulesController, 'show'])
      .as('schedules.show')
      .where('id', router.matchers.number())
    router
      .get('/schedules/:id/edit', [SchedulesController, 'edit'])
      .as('schedules.edit')
      .where('id', router.matchers.number())
    router
      .put('/schedules/:id', [SchedulesController, 'update'])
      .as('schedules.update')
      .where('id', router.matchers.number())
    router
      .post('/schedules/:id/run', [SchedulesController, 'runNow'])
      .as('schedules.run')
      .where('id', router.matchers.number())
    router
      .post('/schedules/:id/toggle', [SchedulesController, 'toggle'])
      .as('schedules.toggle')
      .where('id', router.matchers.number())
    router
      .get('/schedules/:id/preview', [SchedulesController, 'preview'])
      .as('schedules.preview')
      .where('id', router.matchers.number())
    router
      .get('/schedules/:id/preview/attachment', [SchedulesController, 'previewAttachment'])
      .as('schedules.preview_attachment')
      .where('id', router.matchers.number())
  })
  .use(middleware.auth())

if (app.getEnvironment() === 'web' && env.get('SCHEDULER', 'on') === 'on') {
  scheduler.start()
  app.terminating(() => scheduler.stop())
}
