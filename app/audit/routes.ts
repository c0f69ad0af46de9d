import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'
import { registerNavItem } from '#core'

registerNavItem({
  label: 'nav.audit',
  route: 'audit.index',
  roles: ['admin', 'inspector'],
  order: 90,
})

const AuditController = () => import('./controllers/audit_controller.js')

router
  .group(() => {
    router.get('/audit', [AuditController, 'index']).as('audit.index')
    router.get('/audit/export.csv', [AuditController, 'export']).as('audit.export')
  })
  .use(middleware.auth())
