import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'
import { registerNavItem } from '#core'
import { registerAuditJobs } from './jobs.js'

registerAuditJobs()

registerNavItem({
  label: 'nav.audit',
  route: 'audit.index',
  roles: ['admin', 'inspector'],
  order: 90,
})

registerNavItem({
  label: 'security.alerts.nav',
  route: 'alerts.index',
  roles: ['admin'],
  order: 91,
})

const AuditController = () => import('./controllers/audit_controller.js')
const AlertsController = () => import('./controllers/alerts_controller.js')
const VerifyController = () => import('./controllers/verify_controller.js')

// Public: the QR code of a printed report opens it (no sign-in; the token is random).
router.get('/verify/:token', [VerifyController, 'show']).as('print.verify')

router
  .group(() => {
    router.get('/audit', [AuditController, 'index']).as('audit.index')
    router.get('/audit/export.csv', [AuditController, 'export']).as('audit.export')
    router.get('/security/alerts', [AlertsController, 'index']).as('alerts.index')
    router.get('/security/alert-rules', [AlertsController, 'rules']).as('alerts.rules')
    router.post('/security/alert-rules', [AlertsController, 'saveRules']).as('alerts.rules.save')
    router
      .get('/security/alerts/:id', [AlertsController, 'show'])
      .as('alerts.show')
      .where('id', router.matchers.number())
    router
      .post('/security/alerts/:id/acknowledge', [AlertsController, 'acknowledge'])
      .as('alerts.acknowledge')
      .where('id', router.matchers.number())
    router
      .post('/security/alerts/:id/resolve', [AlertsController, 'resolve'])
      .as('alerts.resolve')
      .where('id', router.matchers.number())
  })
  .use(middleware.auth())
