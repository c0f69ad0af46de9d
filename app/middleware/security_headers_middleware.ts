import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import shieldConfig from '#config/shield'

/** `defaultSrc: ["'self'"]` → `default-src 'self'`: the same policy shield applies on routed pages. */
function cspFrom(directives: Record<string, string[] | undefined>): string {
  return Object.entries(directives)
    .filter(([, values]) => values && values.length)
    .map(
      ([name, values]) =>
        `${name.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase())} ${values!.join(' ')}`
    )
    .join('; ')
}

const HEADERS: Record<string, string> = {
  'content-security-policy': cspFrom(
    (shieldConfig as unknown as { csp: { directives: Record<string, string[]> } }).csp.directives
  ),
  'strict-transport-security': 'max-age=15552000',
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'permissions-policy':
    'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
  'cross-origin-opener-policy': 'same-origin',
}

/**
 * Server middleware (runs before routing): every response — 404s of unknown paths, error pages, static files —
 * carries the security headers, not only the pages that reach shield's router middleware.
 */
export default class SecurityHeadersMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    for (const [name, value] of Object.entries(HEADERS)) ctx.response.header(name, value)
    return next()
  }
}
