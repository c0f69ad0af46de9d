/*
| HTTP middleware. Server middleware runs on every request (even without a route); router middleware
| runs on matched routes; named middleware is applied per route.
*/
import router from '@adonisjs/core/services/router'
import server from '@adonisjs/core/services/server'
import { installPreauthorization } from '#core'

server.errorHandler(() => import('#exceptions/handler'))
// Every `request.validateUsing` authorizes the route's role and jurisdiction first (issue 9 item 6).
installPreauthorization()

server.use([
  () => import('#middleware/container_bindings_middleware'),
  () => import('#middleware/security_headers_middleware'),
  () => import('@adonisjs/static/static_middleware'),
])

router.use([
  () => import('@adonisjs/core/bodyparser_middleware'),
  () => import('@adonisjs/session/session_middleware'),
  () => import('#middleware/detect_user_locale_middleware'),
  () => import('@adonisjs/shield/shield_middleware'),
  () => import('@adonisjs/auth/initialize_auth_middleware'),
  () => import('#middleware/initialize_bouncer_middleware'),
])

export const middleware = router.named({
  auth: () => import('#middleware/auth_middleware'),
  api: () => import('#middleware/api_auth_middleware'),
  guest: () => import('#middleware/guest_middleware'),
})
