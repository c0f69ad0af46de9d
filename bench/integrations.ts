/**
 * Benchmark helpers for the integration engine (not part of `npm test`; run through `node ace bench:integrations`):
 *   - synthetic published debtors (debtor_listings) at national scale;
 *   - a closed-loop HTTP load generator (N concurrent visitors) giving p50/p95 latencies;
 *   - a stand-in webhook receiver on loopback, and the bare baseline: a loop of signed POSTs to it.
 */
import { createServer, type Server } from 'node:http'
import db from '@adonisjs/lucid/services/db'
import { seededRandom } from '#core'
import { foldKey, signHeaders } from '#integrations'
import { FAMILY, MIDDLE_F, MIDDLE_M, personName } from '#database/synthetic/vocabulary'

const MIDDLE = [...new Set([...MIDDLE_M, ...MIDDLE_F])]

/** Adds synthetic listed debtors until the table holds `rows` (case ids from 10,000,000 up). */
export async function ensureListings(rows: number, log: (m: string) => void) {
  const have = Number((await db.from('debtor_listings').count('* as n').first())?.n ?? 0)
  if (have >= rows) return have
  const units = await db
    .from('units as u')
    .leftJoin('units as p', 'p.id', 'u.parent_id')
    .whereNot('u.level', 'national')
    .select('u.id', 'u.path', 'u.name', 'u.level', 'p.id as parent_id')
  const pool = units.length
    ? units.map((u) => ({ ...u, province: u.level === 'province' ? u.id : u.parent_id }))
    : [{ id: 1, path: '/1/', name: 'Chi cục THADS', province: null }]
  const rnd = seededRandom(44)
  const now = new Date().toISOString().slice(0, 19).replace('T', ' ')
  for (let start = have; start < rows; start += 400) {
    const batch = []
    for (let i = start; i < Math.min(rows, start + 400); i++) {
      const u = rnd.pick(pool)
      const name = personName(rnd)
      batch.push({
        case_id: 10_000_000 + i,
        unit_id: u.id,
        province_id: u.province,
        unit_path: u.path,
        unit_name: u.name,
        debtor_name: name,
        name_key: foldKey(name),
        debtor_address: `Số ${rnd.int(1, 300)}, phường ${rnd.int(1, 30)}`,
        judgment: `${rnd.int(1, 999)}/2025/DS-ST · 2025-0${rnd.int(1, 9)}-1${rnd.int(0, 9)} · TAND`,
        decision: `${rnd.int(1, 2000)}/QĐ-CCTHADS · 2025-10-0${rnd.int(1, 9)}`,
        obligation: `Trả nợ ${rnd.int(1, 500) * 1_000_000} đồng`,
        reason: `44a.1.${rnd.pick(['a', 'b', 'c'])}`,
        listed_on: '2025-11-03',
        listed: true,
        updated_at: now,
      })
    }
    await db.table('debtor_listings').multiInsert(batch)
    if (start % 20_000 === 0) log(`listings: ${start + batch.length}/${rows}`)
  }
  return rows
}

/** `concurrency` visitors each request `next()` back to back for `ms`; returns latency percentiles (ms). */
export async function load(base: string, next: () => string, concurrency: number, ms: number) {
  const times: number[] = []
  let errors = 0
  const end = Date.now() + ms
  const visitor = async () => {
    while (Date.now() < end) {
      const t0 = performance.now()
      try {
        const res = await fetch(base + next())
        await res.arrayBuffer()
        if (res.status !== 200) errors++
      } catch {
        errors++
      }
      times.push(performance.now() - t0)
    }
  }
  await Promise.all(Array.from({ length: concurrency }, visitor))
  times.sort((a, b) => a - b)
  const pct = (p: number) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))]
  return { n: times.length, errors, p50: pct(50), p95: pct(95), rps: times.length / (ms / 1000) }
}

export function namePrefixes() {
  const out: string[] = []
  for (const f of FAMILY) for (const m of MIDDLE) out.push(`${f} ${m}`)
  for (const f of FAMILY) out.push(f)
  return out
}

/** A stand-in receiver: 200 to everything, counting distinct webhook-ids. */
export async function receiver(port: number) {
  const ids = new Set<string>()
  let hits = 0
  const server: Server = createServer((req, res) => {
    req.resume()
    req.on('end', () => {
      hits++
      ids.add(String(req.headers['webhook-id']))
      res.writeHead(200).end('ok')
    })
  })
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', r))
  return {
    url: `http://127.0.0.1:${port}/hook`,
    stats: () => ({ hits, unique: ids.size }),
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections()
        server.close(() => r())
      }),
  }
}

/** The baseline: a plain loop of `n` signed POSTs of `body` to `url`, one after the other. */
export async function bareLoop(url: string, secret: string, bodies: string[]) {
  const t0 = performance.now()
  for (const [i, body] of bodies.entries()) {
    const id = `msg_bare_${i}`
    const res = await fetch(url, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        'content-type': 'application/json',
        ...signHeaders([secret], id, Math.floor(Date.now() / 1000), body),
      },
      body,
    })
    await res.arrayBuffer()
  }
  return bodies.length / ((performance.now() - t0) / 1000)
}
