import env from '#start/env'
import app from '@adonisjs/core/services/app'
import { Secret } from '@adonisjs/core/helpers'
import { defineConfig } from '@adonisjs/core/http'

/**
 * The practice instance runs without a .env file, so a fixed demo key is used when APP_KEY is absent.
 * Production refuses it: a known key would let anyone forge session cookies.
 */
export const DEMO_APP_KEY = 'thads-practice-instance-demo-key-not-for-production'

function resolveAppKey(): string {
  const key = env.get('APP_KEY') || DEMO_APP_KEY
  if (app.inProduction && key === DEMO_APP_KEY) {
    throw new Error('APP_KEY must be set to a secret value in production (node ace generate:key)')
  }
  return key
}

export const appKey = new Secret(resolveAppKey())

export const http = defineConfig({
  generateRequestId: true,
  allowMethodSpoofing: true,
  useAsyncLocalStorage: true,
  // Only a reverse proxy on this machine may state the client address (X-Forwarded-For); anything else could
  // spoof it and dodge the per-IP login throttle.
  trustProxy: (address: string) => ['127.0.0.1', '::1', '::ffff:127.0.0.1'].includes(address),
  cookie: {
    domain: '',
    path: '/',
    maxAge: '2h',
    httpOnly: true,
    secure: app.inProduction,
    sameSite: 'lax',
  },
})
