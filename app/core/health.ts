/**
 * GET /health for load balancers: the database (and, on a Galera node, that the node is Synced and ready),
 * the drive disk (write, read back, delete) and the mail transport (SMTP greeting, or "log"). 200 when all pass,
 * 503 otherwise — and 503 as soon as the instance starts shutting down, so the balancer drains it first.
 */
import net from 'node:net'
import { randomUUID } from 'node:crypto'
import type { HttpContext } from '@adonisjs/core/http'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import drive from '@adonisjs/drive/services/main'
import env from '#start/env'

type Check = { ok: boolean; detail?: string; ms: number }

let draining = false
/** Called when the process receives SIGTERM: health answers 503 from now on. */
export function startDraining() {
  draining = true
}

async function timed(work: () => Promise<string | undefined>): Promise<Check> {
  const started = Date.now()
  try {
    const detail = await Promise.race([
      work(),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), 3000)),
    ])
    return { ok: true, detail, ms: Date.now() - started }
  } catch (error: any) {
    return {
      ok: false,
      detail: String(error?.message ?? error).slice(0, 200),
      ms: Date.now() - started,
    }
  }
}

async function database(): Promise<string | undefined> {
  await db.rawQuery('SELECT 1')
  if (db.connection().dialect.name !== 'mysql') return 'sqlite'
  const [rows] = await db.rawQuery(
    "SHOW STATUS WHERE Variable_name IN ('wsrep_ready', 'wsrep_local_state_comment', 'wsrep_cluster_size')"
  )
  const status = Object.fromEntries((rows as any[]).map((r) => [r.Variable_name, r.Value]))
  // MariaDB reports wsrep_* even when it is not a cluster node: only wsrep_on=ON makes it one.
  const [on] = await db.rawQuery("SHOW VARIABLES LIKE 'wsrep_on'")
  if (!('wsrep_ready' in status) || String((on as any[])[0]?.Value ?? 'OFF') !== 'ON')
    return 'mysql'
  if (status.wsrep_ready !== 'ON' || status.wsrep_local_state_comment !== 'Synced')
    throw new Error(`galera node ${status.wsrep_local_state_comment ?? 'unknown'}`)
  return `galera synced, cluster size ${status.wsrep_cluster_size}`
}

async function disk(): Promise<string | undefined> {
  const key = `health/${randomUUID()}.txt`
  const store = drive.use()
  await store.put(key, 'ok')
  const back = await store.get(key)
  await store.delete(key)
  if (back !== 'ok') throw new Error('read back differs')
  return undefined
}

async function mailTransport(): Promise<string | undefined> {
  const host = env.get('SMTP_HOST')
  const mailer = env.get('MAIL_MAILER', host ? 'smtp' : 'log')
  if (mailer === 'log') return 'log'
  return new Promise((resolve, reject) => {
    const socket = net.connect(env.get('SMTP_PORT', 2525), host ?? '127.0.0.1')
    socket.setTimeout(2500, () => socket.destroy(new Error('smtp timeout')))
    socket.once('data', (data) => {
      socket.end('QUIT\r\n')
      if (String(data).startsWith('220')) resolve('smtp')
      else reject(new Error('unexpected smtp greeting'))
    })
    socket.once('error', reject)
  })
}

export async function healthHandler({ response }: HttpContext) {
  const [dbCheck, driveCheck, mailCheck] = await Promise.all([
    timed(database),
    timed(disk),
    timed(mailTransport),
  ])
  const checks = { database: dbCheck, drive: driveCheck, mail: mailCheck }
  const healthy = !draining && Object.values(checks).every((c) => c.ok)
  response.header('cache-control', 'no-store')
  return response.status(healthy ? 200 : 503).send({
    status: draining ? 'draining' : healthy ? 'ok' : 'failing',
    instance: env.get('INSTANCE_ID') ?? null,
    uptime: Math.round(process.uptime()),
    environment: app.getEnvironment(),
    checks,
  })
}
