import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'
import { registerAccountsPreauthorization } from './preauthorize.js'

const SessionController = () => import('./controllers/session_controller.js')
const PasswordController = () => import('./controllers/password_controller.js')
const LocaleController = () => import('./controllers/locale_controller.js')
const DashboardController = () => import('./controllers/dashboard_controller.js')
const UsersController = () => import('./controllers/users_controller.js')
const UnitsController = () => import('./controllers/units_controller.js')
const MySessionsController = () => import('./controllers/my_sessions_controller.js')

router.get('/login', [SessionController, 'create']).as('session.create').use(middleware.guest())
router.post('/login', [SessionController, 'store']).as('session.store').use(middleware.guest())
router.post('/locale', [LocaleController, 'update']).as('locale.update')

router
  .group(() => {
    router.post('/logout', [SessionController, 'destroy']).as('session.destroy')
    router.get('/', [DashboardController, 'show']).as('dashboard')
    router.get('/account/password', [PasswordController, 'edit']).as('account.password.edit')
    router.put('/account/password', [PasswordController, 'update']).as('account.password.update')
    router.get('/account/sessions', [MySessionsController, 'index']).as('account.sessions.index')
    router
      .post('/account/sessions/end-others', [MySessionsController, 'endOthers'])
      .as('account.sessions.end_others')

    router.get('/users', [UsersController, 'index']).as('users.index')
    router.get('/users/new', [UsersController, 'create']).as('users.create')
    router.post('/users', [UsersController, 'store']).as('users.store')
    router
      .get('/users/:id', [UsersController, 'show'])
      .as('users.show')
      .where('id', router.matchers.number())
    router
      .get('/users/:id/edit', [UsersController, 'edit'])
      .as('users.edit')
      .where('id', router.matchers.number())
    router
      .put('/users/:id', [UsersController, 'update'])
      .as('users.update')
      .where('id', router.matchers.number())
    router
      .post('/users/:id/reset-password', [UsersController, 'resetPassword'])
      .as('users.reset_password')
      .where('id', router.matchers.number())
    router
      .post('/users/:id/revoke', [UsersController, 'revoke'])
      .as('users.revoke')
      .where('id', router.matchers.number())
    router
      .post('/users/:id/reinstate', [UsersController, 'reinstate'])
      .as('users.reinstate')
      .where('id', router.matchers.number())

    router.get('/units', [UnitsController, 'index']).as('units.index')
    router.post('/units', [UnitsController, 'store']).as('units.store')
    router
      .get('/units/:id', [UnitsController, 'show'])
      .as('units.show')
      .where('id', router.matchers.number())
    router
      .post('/units/:id/rename', [UnitsController, 'rename'])
      .as('units.rename')
      .where('id', router.matchers.number())
    router
      .post('/units/:id/close', [UnitsController, 'close'])
      .as('units.close')
      .where('id', router.matchers.number())
  })
  .use(middleware.auth())

registerAccountsPreauthorization()
