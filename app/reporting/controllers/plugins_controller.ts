import type { HttpContext } from '@adonisjs/core/http'
import { pluginRegistry } from '../plugin/loader.js'
import { HOST_VERSION } from '../plugin/manifest.js'
import { authorizeReportsArea } from '../services/access.js'

/** The plugin registry: what was found on disk, its version, legal basis, validity and load errors. */
export default class PluginsController {
  async index(ctx: HttpContext) {
    authorizeReportsArea(ctx.auth.getUserOrFail())
    const plugins = pluginRegistry().map((p) => ({
      id: p.id,
      kind: p.kind,
      status: p.status,
      error: p.error,
      version: p.manifest?.version ?? null,
      title: p.manifest?.title ?? null,
      legalBasis: p.manifest?.legalBasis ?? null,
      validFrom: p.manifest?.validFrom ?? null,
      validTo: p.manifest?.validTo ?? null,
      host: p.manifest?.host ?? null,
    }))
    if (ctx.request.accepts(['html', 'json']) === 'json') return { host: HOST_VERSION, plugins }
    return ctx.view.render('reporting/plugins', { plugins, host: HOST_VERSION })
  }
}
