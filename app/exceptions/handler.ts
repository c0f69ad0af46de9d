import app from '@adonisjs/core/services/app'
import env from '#start/env'
import i18nManager from '@adonisjs/i18n/services/main'
import { HttpContext, ExceptionHandler } from '@adonisjs/core/http'
import type { StatusPageRange, StatusPageRenderer } from '@adonisjs/core/types/http'
import { errors as bouncerErrors } from '@adonisjs/bouncer'
import { AccessDenied, RuleViolation, localizeMessageData } from '#core'
import { recordAudit } from '#audit'

/** Headers that carry credentials: never shown in any error output, even on the operator's debug page. */
const SECRET_HEADERS = new Set([
  'cookie',
  'authorization',
  'proxy-authorization',
  'x-csrf-token',
  'x-xsrf-token',
  'x-api-key',
])

function escapeHtml(text: string) {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

function wantsJson(ctx: HttpContext) {
  return ctx.request.url().startsWith('/api/') || ctx.request.accepts(['html', 'json']) === 'json'
}

export default class HttpExceptionHandler extends ExceptionHandler {
  // Stack traces only when the operator turns them on (APP_DEBUG=true), and never in production.
  protected debug = env.get('APP_DEBUG', false) === true && !app.inProduction
  protected renderStatusPages = true

  protected statusPages: Record<StatusPageRange, StatusPageRenderer> = {
    '404': (_, { view }) => view.render('errors/not_found'),
    '500..599': (_, { view }) => view.render('errors/server_error'),
  }

  async handle(error: unknown, ctx: HttpContext) {
    // Unmatched routes never reach the router middleware: give error pages a locale anyway.
    if (!ctx.i18n) {
      ctx.i18n = i18nManager.locale(i18nManager.defaultLocale)
      ctx.view?.share({ i18n: ctx.i18n, t: ctx.i18n.t.bind(ctx.i18n) })
    }
    // Every refusal by role or jurisdiction is audited, then answered in the caller's format.
    if (error instanceof AccessDenied || error instanceof bouncerErrors.E_AUTHORIZATION_FAILURE) {
      const reason = error instanceof AccessDenied ? error.reason : 'forbidden'
      await this.auditRefusal(
        ctx,
        reason,
        error instanceof AccessDenied ? error.subject : undefined
      )
      const message = ctx.i18n
        ? ctx.i18n.t(`errors.${reason}`, {}, ctx.i18n.t('errors.forbidden'))
        : 'Forbidden'
      if (wantsJson(ctx)) {
        return ctx.response
          .status(403)
          .send({ errors: [{ code: 'E_ACCESS_DENIED', reason, message }] })
      }
      return ctx.response
        .status(403)
        .send(await ctx.view.render('errors/forbidden', { reason, message }))
    }

    if (error instanceof RuleViolation) {
      const message = ctx.i18n
        ? ctx.i18n.t(error.key, localizeMessageData(error.key, error.data, ctx.i18n))
        : error.key
      if (wantsJson(ctx)) {
        return ctx.response
          .status(422)
          .send({ errors: [{ code: error.key, message, data: error.data }] })
      }
      ctx.session?.flash('error', message)
      ctx.session?.flashAll()
      return ctx.response.redirect().back()
    }

    // An upload beyond the body parser's limit (UPLOAD_MAX_MB + 1) stops before the session exists: answer
    // a readable 413 rather than the raw parser error.
    if ((error as { code?: string })?.code === 'E_REQUEST_ENTITY_TOO_LARGE') {
      const max = env.get('UPLOAD_MAX_MB', 20)
      const message = ctx.i18n.t('attachments.errors.request_too_large', { max })
      if (wantsJson(ctx)) {
        return ctx.response
          .status(413)
          .send({ errors: [{ code: 'E_REQUEST_ENTITY_TOO_LARGE', message }] })
      }
      return ctx.response.status(413).send(await ctx.view.render('errors/too_large', { message }))
    }

    return super.handle(error, ctx)
  }

  /** The raw request for the debug page, minus every credential-bearing header. */
  private sanitizedRequest(ctx: HttpContext) {
    const raw = ctx.request.request
    const headers = Object.fromEntries(
      Object.entries(raw.headers).filter(([name]) => !SECRET_HEADERS.has(name.toLowerCase()))
    )
    return {
      url: raw.url?.split('?')[0],
      method: raw.method,
      httpVersion: raw.httpVersion,
      headers,
    } as unknown as typeof raw
  }

  /** A message that never echoes the request (a malformed body, a header) back to the caller. */
  private genericMessage(ctx: HttpContext, status: number) {
    const key =
      status >= 500
        ? 'errors.server_error'
        : status === 404
          ? 'errors.not_found'
          : 'errors.bad_request'
    return ctx.i18n ? ctx.i18n.t(key) : 'Error'
  }

  async renderErrorAsHTML(error: any, ctx: HttpContext) {
    if (this.isDebuggingEnabled(ctx)) {
      const { default: Youch } = await import('youch')
      const html = await new Youch(error, this.sanitizedRequest(ctx)).toHTML()
      return ctx.response.status(error.status).send(html)
    }
    const message = escapeHtml(this.genericMessage(ctx, error.status))
    return ctx.response
      .status(error.status)
      .type('html')
      .send(`<!DOCTYPE html><title>${error.status}</title><p>${error.status} — ${message}</p>`)
  }

  async renderErrorAsJSON(error: any, ctx: HttpContext) {
    if (this.isDebuggingEnabled(ctx)) {
      const { default: Youch } = await import('youch')
      const json = await new Youch(error, this.sanitizedRequest(ctx)).toJSON()
      return ctx.response.status(error.status).send(json.error)
    }
    return ctx.response.status(error.status).send({
      errors: [{ code: error.code ?? 'E_HTTP', message: this.genericMessage(ctx, error.status) }],
    })
  }

  async renderErrorAsJSONAPI(error: any, ctx: HttpContext) {
    return this.renderErrorAsJSON(error, ctx)
  }

  private async auditRefusal(
    ctx: HttpContext,
    reason: string,
    subject?: { type: string; id?: string | number | null }
  ) {
    const user = ctx.auth?.user
    await recordAudit({
      actor: user ?? null,
      unit: user?.unit ?? null,
      action: 'access.denied',
      outcome: 'refused',
      subjectType: subject?.type ?? 'route',
      subjectId: subject?.id ?? ctx.route?.name ?? ctx.request.url(),
      after: { method: ctx.request.method(), url: ctx.request.url(), reason },
    })
  }

  async report(error: unknown, ctx: HttpContext) {
    return super.report(error, ctx)
  }
}
