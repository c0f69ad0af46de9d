/**
 * Attachments (SPEC §3): upload on judgments, requests, cases and case events; authorized, audited downloads;
 * the judgment and request pages that list their files. Owner segments: judgments | requests | cases | events.
 */
import router from '@adonisjs/core/services/router'
import edge from 'edge.js'
import { middleware } from '#start/kernel'
import type { User } from '#accounts'
import type Case from './models/case.js'
import { casePanel } from './services/attachments/reads.js'
import { uploadMaxMb } from './services/attachments/storage.js'
import { ALLOWED_EXTENSIONS } from './services/file_types.js'

const AttachmentsController = () => import('./controllers/attachments_controller.js')
const AttachmentsApiController = () => import('./controllers/attachments_api_controller.js')

const owner = /^(judgments|requests|cases|events|exhibits)$/
const number = router.matchers.number()

/** The case page's attachment panel (cases/attachments/_panel.edge) loads its data through this global. */
edge.global('attachmentPanel', async (user: User, c: Case) => ({
  ...(await casePanel(user, c)),
  maxMb: uploadMaxMb(),
  accept: ALLOWED_EXTENSIONS.map((e) => `.${e}`).join(','),
}))

edge.global('formatFileSize', (bytes: number) => {
  if (bytes < 1024) return `${bytes} B`
  const kb = bytes / 1024
  const fmt = (v: number) => new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 }).format(v)
  return kb < 1024 ? `${fmt(kb)} KB` : `${fmt(kb / 1024)} MB`
})

router
  .group(() => {
    router
      .post('/attachments/:owner/:id', [AttachmentsController, 'store'])
      .as('attachments.store')
      .where('owner', owner)
      .where('id', number)
    router
      .get('/attachments/:id/download', [AttachmentsController, 'download'])
      .as('attachments.download')
      .where('id', number)
    router
      .get('/judgments/:id', [AttachmentsController, 'judgment'])
      .as('judgments.show')
      .where('id', number)
    router
      .get('/requests/:id', [AttachmentsController, 'request'])
      .as('requests.show')
      .where('id', number)
  })
  .use(middleware.auth())

router
  .group(() => {
    router
      .post('/attachments/:owner/:id', [AttachmentsApiController, 'store'])
      .where('owner', owner)
      .where('id', number)
      .use(middleware.api({ scope: 'cases:write' }))
    router
      .get('/:owner/:id/attachments', [AttachmentsApiController, 'index'])
      .where('owner', owner)
      .where('id', number)
      .use(middleware.api({ scope: 'cases:read' }))
    router
      .get('/attachments/:id/download', [AttachmentsApiController, 'download'])
      .where('id', number)
      .use(middleware.api({ scope: 'cases:read' }))
  })
  .prefix('/api/v1')
