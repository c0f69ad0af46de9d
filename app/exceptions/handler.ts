import app from '@adonisjs/core/services/app'
import env from '#start/env'
import i18nManager from '@adonisjs/i18n/services/main'
import { HttpContext, ExceptionHandler } from '@adonisjs/core/http'
import type { StatusPageRange, StatusPageRenderer } from '@adonisjs/core/types/http'
import { errors as bouncerErrors } from '@adonisjs/bouncer'
import { AccessDenied, RuleViolation, localizeMessageData } from '#core'
import { recordAudit } from '#audit'

function wantsJson(ctx: HttpContext) {
  return ctx.request.url().startsWith('/api/') || ctx.request.accepts(['html', 'json']) === 'json'
}

export default class HttpExceptionHandler extends ExceptionHandler {
  protected debug = !app.inProduction
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

    // Malformed JSON on the API (the body parser throws a SyntaxError with status 400): the API's error shape,
    // audited (integrators' systems must be able to see why a call was refused).
    if (
      error instanceof SyntaxError &&
      (error as { status?: number }).status === 400 &&
      wantsJson(ctx)
    ) {
      await recordAudit({
        actor: ctx.auth?.user ?? null,
        action: 'api.malformed_body',
        outcome: 'refused',
        subjectType: 'route',
        subjectId: ctx.request.url(),
        after: {
          method: ctx.request.method(),
          url: ctx.request.url(),
          error: error.message.slice(0, 200),
        },
      })
      return ctx.response.status(400).send({
        errors: [
          {
            code: 'E_INVALID_JSON',
            message: ctx.i18n.t('errors.invalid_json', {}, 'Invalid JSON'),
          },
        ],
      })
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
