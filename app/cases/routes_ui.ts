/** Everyday-work pages of issue 11: header search, task inbox, print views. */
import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const SearchController = () => import('./controllers/search_controller.js')
const InboxController = () => import('./controllers/inbox_controller.js')
const PrintController = () => import('./controllers/print_controller.js')

router
  .group(() => {
    router.get('/search', [SearchController, 'index']).as('search.index')
    router.get('/inbox', [InboxController, 'index']).as('inbox.index')
    router
      .get('/cases/:id/print', [PrintController, 'summary'])
      .as('cases.print')
      .where('id', router.matchers.number())
    router
      .get('/cases/:id/print/decision', [PrintController, 'decision'])
      .as('cases.print.decision')
      .where('id', router.matchers.number())
    router
      .get('/cases/:id/money/:entryId/receipt', [PrintController, 'receipt'])
      .as('cases.print.receipt')
      .where('id', router.matchers.number())
      .where('entryId', router.matchers.number())
  })
  .use(middleware.auth())
