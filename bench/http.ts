/**
 * HTTP side of `node ace bench:scale` (docs/performance.md): a server of this worktree on its own port, logged-in
 * sessions (cookie jar per session), timed GETs, and load with N concurrent sessions. Not part of `npm test`.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'

export const median = (xs: number[]) => percentile(xs, 50)

export function percentile(xs: number[], p: number) {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]
}

/** Starts `bin/server.js` on `port` with the current environment (same database), resolves when it answers. */
export async function startServer(cwd: string, port: number, env: Record<string, string>) {
  const child = spawn(
    process.execPath,
    ['--import=ts-node-maintained/register/esm', 'bin/server.js'],
    {
      cwd,
      env: {
        ...process.env,
        ...env,
        PORT: String(port),
        HOST: '127.0.0.1',
        NODE_ENV: 'development',
        LOG_LEVEL: 'error',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    }
  )
  const base = `http://127.0.0.1:${port}`
  for (let i = 0; i < 240; i++) {
    try {
      await fetch(`${base}/login`)
      return { child, base }
    } catch {
      await new Promise((r) => setTimeout(r, 500))
    }
  }
  child.kill()
  throw new Error('the bench server did not start')
}

/** Resident memory of a process in MB (Linux /proc). */
export function rssMb(child: ChildProcess | number): number {
  const pid = typeof child === 'number' ? child : child.pid
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0)
  return kb / 1024
}

export class Session {
  private cookies = new Map<string, string>()
  constructor(private base: string) {}

  private store(res: Response) {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';')
      const i = pair.indexOf('=')
      this.cookies.set(pair.slice(0, i), pair.slice(i + 1))
    }
  }

  private header() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
  }

  async login(email: string, password: string) {
    const page = await fetch(`${this.base}/login`, { headers: { cookie: this.header() } })
    this.store(page)
    const html = await page.text()
    const token = /name=['"]_csrf['"] value=['"]([^'"]+)['"]/.exec(html)?.[1]
    if (!token) throw new Error('no CSRF token on /login')
    const res = await fetch(`${this.base}/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'cookie': this.header(), 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: token, email, password }).toString(),
    })
    this.store(res)
    if (res.status !== 302) throw new Error(`login failed: ${res.status}`)
    return this
  }

  /** GET a page; returns the time in ms and the body (throws unless 200). */
  async get(path: string): Promise<{ ms: number; body: string }> {
    const t = performance.now()
    let res: Response
    try {
      res = await fetch(`${this.base}${path}`, {
        headers: { cookie: this.header() },
        redirect: 'manual',
      })
    } catch {
      // a kept-alive socket closed by the server under load: one retry on a fresh connection (timed in full)
      res = await fetch(`${this.base}${path}`, {
        headers: { cookie: this.header(), connection: 'close' },
        redirect: 'manual',
      })
    }
    const body = await res.text()
    const ms = performance.now() - t
    this.store(res)
    if (res.status !== 200) throw new Error(`GET ${path}: ${res.status}`)
    return { ms, body }
  }
}

/** Interleaved sequential timing of several pages (a, b, a, b, …) after one warm-up each: medians in ms. */
export async function timePages(session: Session, paths: string[], runs: number) {
  for (const p of paths) await session.get(p)
  const times = paths.map(() => [] as number[])
  for (let i = 0; i < runs; i++)
    for (const [k, p] of paths.entries()) times[k].push((await session.get(p)).ms)
  return paths.map((p, k) => ({ path: p, median: median(times[k]), times: times[k] }))
}

/** `sessions` concurrent sessions, each requesting `pick(i, round)` `rounds` times in a row: p50/p95 in ms. */
export async function load(
  sessions: Session[],
  rounds: number,
  pick: (session: number, round: number) => string
) {
  const times: number[] = []
  await Promise.all(
    sessions.map(async (s, i) => {
      for (let r = 0; r < rounds; r++) times.push((await s.get(pick(i, r))).ms)
    })
  )
  return { p50: percentile(times, 50), p95: percentile(times, 95), n: times.length }
}
