import { spawn } from 'node:child_process'
import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/**
 * `node ace bench:integrations`: the two speed targets of issue 13, each against a same-run baseline.
 *   1. public debtor search p95 under N concurrent visitors vs a trivial page (/login), on a real server process;
 *   2. dispatcher delivery rate vs a bare loop of signed POSTs to the same local receiver.
 */
export default class BenchIntegrations extends BaseCommand {
  static commandName = 'bench:integrations'
  static description =
    'Benchmark the public debtor list and the webhook dispatcher (see docs/performance.md)'
  static options: CommandOptions = { startApp: true }

  @flags.number({ description: 'Published debtors to have in debtor_listings (default 200000)' })
  declare rows?: number

  @flags.number({ description: 'Concurrent visitors (default 50)' })
  declare visitors?: number

  @flags.number({ description: 'Seconds per load phase (default 20)' })
  declare seconds?: number

  @flags.number({ description: 'Messages for the dispatcher phase (default 2000)' })
  declare messages?: number

  @flags.number({
    description: 'Port of the app server child (default 3425); the receiver uses port+1',
  })
  declare port?: number

  async run() {
    const db = (await import('@adonisjs/lucid/services/db')).default
    const bench = await import('../integrations.js')
    const { Dispatcher, newSecret } = await import('#integrations')
    const rows = this.rows ?? 200_000
    const port = this.port ?? 3425
    const log = (m: string) => this.logger.info(m)

    const t0 = Date.now()
    const have = await bench.ensureListings(rows, log)
    log(`debtor_listings: ${have} rows (${((Date.now() - t0) / 1000).toFixed(0)} s to prepare)`)

    // 1. Public list under load, against a real server process on the same database.
    const server = spawn(
      process.execPath,
      ['--import=ts-node-maintained/register/esm', 'bin/server.js'],
      {
        env: {
          ...process.env,
          PORT: String(port),
          HOST: '127.0.0.1',
          INTEGRATIONS_DISPATCH_MS: '0',
          NODE_ENV: 'production',
          LOG_LEVEL: 'warn',
          APP_KEY: process.env.APP_KEY ?? 'bench-only-app-key-0123456789abcdef',
        },
        stdio: 'ignore',
      }
    )
    try {
      const base = `http://127.0.0.1:${port}`
      for (let i = 0; i < 240; i++) {
        try {
          if ((await fetch(`${base}/login`)).ok) break
        } catch {}
        await new Promise((r) => setTimeout(r, 500))
      }
      const visitors = this.visitors ?? 50
      const ms = (this.seconds ?? 20) * 1000
      const prefixes = bench.namePrefixes()
      const units = await db.from('units').where('level', 'province').select('id')
      let k = 0
      const search = () => {
        k++
        const q = encodeURIComponent(prefixes[k % prefixes.length])
        return k % 3 === 0 && units.length
          ? `/public/debtors?q=${q}&unit=${units[k % units.length].id}`
          : `/public/debtors?q=${q}`
      }
      await bench.load(base, () => '/login', 10, 3000) // warm-up
      await bench.load(base, search, 10, 3000)
      const trivial = await bench.load(base, () => '/login', visitors, ms)
      const list = await bench.load(base, search, visitors, ms)
      log(`trivial page /login: ${JSON.stringify(trivial)}`)
      log(`public search:      ${JSON.stringify(list)}`)
      log(`RATIO search p95 / trivial p95 = ${(list.p95 / trivial.p95).toFixed(2)} (target ≤ 3)`)
    } finally {
      server.kill('SIGTERM')
    }

    // 2. Dispatcher vs a bare loop, same receiver, same bodies.
    const receiver = await bench.receiver(port + 1)
    try {
      const n = this.messages ?? 2000
      const now = new Date().toISOString().slice(0, 19).replace('T', ' ')
      const secret = newSecret()
      const [clientId] = await db.table('integration_clients').insert({
        name: 'bench receiver',
        owner_unit_id: (await db.from('units').orderBy('id').first()).id,
        owner_unit_path: '/',
        contact_email: 'bench@localhost',
        endpoint_url: receiver.url,
        status: 'active',
        rate_per_minute: 120,
        created_at: now,
        updated_at: now,
      })
      await db.table('integration_credentials').insert({
        client_id: clientId,
        kind: 'secret',
        secret,
        hint: 'xxxx',
        status: 'active',
        created_at: now,
      })
      const bodies = Array.from({ length: n }, (_, i) =>
        JSON.stringify({
          type: 'debtor.published',
          data: { case_id: i, debtor_name: 'Nguyễn Văn A', obligation: 'x'.repeat(300) },
        })
      )
      const bare = await bench.bareLoop(receiver.url, secret, bodies)
      const results: Record<string, number> = { bare }
      for (const concurrency of [1, 8]) {
        for (let s = 0; s < n; s += 500)
          await db.table('integration_outbox').multiInsert(
            bodies.slice(s, s + 500).map((payload, i) => ({
              client_id: clientId,
              message_id: `msg_bench_${concurrency}_${s + i}_${Date.now()}`,
              event_type: 'debtor.published',
              payload,
              status: 'pending',
              attempts: 0,
              next_attempt_at: now,
              created_at: now,
            }))
          )
        const before = receiver.stats().hits
        const t = performance.now()
        await new Dispatcher({ concurrency, batchSize: 200, clientIds: [Number(clientId)] }).drain(
          10_000
        )
        const rate = n / ((performance.now() - t) / 1000)
        if (receiver.stats().hits - before !== n)
          throw new Error('the receiver did not get every message')
        results[`dispatcher_c${concurrency}`] = rate
      }
      log(
        `deliveries/s: ${JSON.stringify(Object.fromEntries(Object.entries(results).map(([k2, v]) => [k2, Math.round(v)])))}`
      )
      log(
        `RATIO dispatcher(c=1)/bare = ${(results.dispatcher_c1 / bare).toFixed(2)}, dispatcher(c=8)/bare = ${(results.dispatcher_c8 / bare).toFixed(2)} (target ≥ 0.5)`
      )
      await db.from('integration_outbox').where('client_id', clientId).delete()
    } finally {
      await receiver.close()
    }
  }
}
