/*
| Environment variables, validated at boot. Everything has a safe default for the practice instance
| except in production, where config/app.ts refuses the demo APP_KEY.
*/
import { Env } from '@adonisjs/core/env'

export default await Env.create(new URL('../', import.meta.url), {
  NODE_ENV: Env.schema.enum.optional(['development', 'production', 'test'] as const),
  PORT: Env.schema.number.optional(),
  HOST: Env.schema.string.optional({ format: 'host' }),
  LOG_LEVEL: Env.schema.string.optional(),
  APP_KEY: Env.schema.string.optional(),
  APP_URL: Env.schema.string.optional(),
  // Detailed error pages (stack traces) only when the operator turns them on; never in production.
  APP_DEBUG: Env.schema.boolean.optional(),

  SESSION_DRIVER: Env.schema.enum.optional(['database', 'cookie', 'memory'] as const),
  LIMITER_STORE: Env.schema.enum.optional(['database', 'memory'] as const),

  DB_CONNECTION: Env.schema.enum.optional(['sqlite', 'mysql'] as const),
  SQLITE_FILE: Env.schema.string.optional(),
  DB_HOST: Env.schema.string.optional(),
  DB_PORT: Env.schema.number.optional(),
  DB_USER: Env.schema.string.optional(),
  DB_PASSWORD: Env.schema.string.optional(),
  DB_DATABASE: Env.schema.string.optional(),

  DRIVE_DISK: Env.schema.enum.optional(['fs'] as const),
  UPLOAD_MAX_MB: Env.schema.number.optional(),

  SMTP_HOST: Env.schema.string.optional(),
  SMTP_PORT: Env.schema.number.optional(),
  MAIL_FROM: Env.schema.string.optional(),
  // Schedules / several instances (issue 14): log = build the mail and log it (practice default without SMTP_HOST).
  MAIL_MAILER: Env.schema.enum.optional(['smtp', 'log'] as const),
  SCHEDULER: Env.schema.enum.optional(['on', 'off'] as const),
  PERIODIC_JOBS: Env.schema.enum.optional(['on', 'off'] as const),
  AUDIT_CHECKPOINT_CRON: Env.schema.string.optional(),
  RECONCILIATION_SNAPSHOT_CRON: Env.schema.string.optional(),
  DEADLINES_SNAPSHOT_CRON: Env.schema.string.optional(),
  RUN_STALE_SECONDS: Env.schema.number.optional(),
  INSTANCE_ID: Env.schema.string.optional(),

  // Tamper-evident audit: Ed25519 key that signs checkpoints (PKCS#8 PEM, `\n` escaped, or base64 DER), and
  // optionally the public key verifiers pin. Alert e-mails and verification links use APP_URL.
  AUDIT_SIGNING_KEY: Env.schema.string.optional(),
  AUDIT_PUBLIC_KEY: Env.schema.string.optional(),

  CHROMIUM_PATH: Env.schema.string.optional(),
  INTEGRATIONS_DISPATCH_MS: Env.schema.number.optional(),
  DEMO_SEED: Env.schema.boolean.optional(),
})
