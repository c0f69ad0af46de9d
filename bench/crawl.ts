/**
 * User-facing quality crawl of a running practice instance (issue 11, docs/daily_work.md). Not part of `npm test`.
 *
 *   SQLITE_FILE=practice-qa.sqlite3 node ace thads:prepare
 *   PORT=3541 SQLITE_FILE=practice-qa.sqlite3 node --import=ts-node-maintained/register/esm bin/server.js &
 *   node --import=ts-node-maintained/register/esm bench/crawl.ts http://127.0.0.1:3541 [--mobile] [--only=hanoi]
 *
 * Logs in as every demo account of the README (password Demo@2026), opens every navigation link and every
 * same-origin link on those pages one level deep (GET only; logout, language switch and downloads skipped; at most
 * two pages per URL pattern, numbers replaced by :id), and reports per page:
 * - any 5xx (and any 4xx on a link the page itself offered);
 * - an error banner (`flash-error`, role="alert") on a plain GET;
 * - English text on the Vietnamese page (common English words in the visible text, names/codes/e-mails excluded);
 * - a raw i18n key (`namespace.key` of a file in resources/lang/vi) or "translation missing";
 * - with --mobile: horizontal scroll at 390 px on each navigation page (Chromium through playwright).
 * Exit code 1 when a problem was found.
 */
import { readdirSync } from 'node:fs'
import { Session } from './http.js'

const BASE = process.argv[2] ?? 'http://127.0.0.1:3541'
const MOBILE = process.argv.includes('--mobile')
const ONLY = process.argv.find((a) => a.startsWith('--only='))?.slice(7)
const PASSWORD = 'Demo@2026'

const NATIONAL = ['admin', 'head', 'inspector', 'statistician'].map((r) => `${r}@thads.demo`)
const PREFIXES = ['admin', 'head', 'officer', 'officer2', 'clerk', 'statistician', 'warehouse']
const UNITS = ['hanoi', 'badinh', 'caugiay', 'laocai', 'sapa', 'camau']
export const ACCOUNTS = [
  ...NATIONAL,
  ...UNITS.flatMap((u) => PREFIXES.map((p) => `${p}.${u}@thads.demo`)),
].filter((a) => !ONLY || a.includes(ONLY))

const NAMESPACES = readdirSync(new URL('../resources/lang/vi/', import.meta.url)).map((f) =>
  f.replace(/\.json$/, '')
)
const KEY_RE = new RegExp(`\\b(?:${NAMESPACES.join('|')})\\.[a-z0-9_]+(?:\\.[a-z0-9_]+)*\\b`, 'g')

/** English words that are not Vietnamese syllables written without marks. */
const ENGLISH = new Set(
  (
    'the and with this that could not please error errors found unauthorized access invalid required must ' +
    'should your you were was have has been from which there cannot failed select submit save cancel delete ' +
    'edit view back next previous search filter export total cases case unit units user users report reports ' +
    'status date amount name yes none loading missing translation page pages of is are be will saved field ' +
    'value values new open closed draft approved rejected pending officer head clerk inspector statistician ' +
    'warehouse admin administrator login logout password dashboard settings home help period periods form forms ' +
    'submission submissions deadline deadlines overdue money collected completed month months year years'
  ).split(' ')
)
/** Product and standard names shown as such on Vietnamese pages. */
const ALLOWED = [
  /THADS/g,
  /Excel/g,
  /PDF/g,
  /CSV/g,
  /API/g,
  /JSON/g,
  /Chart\.js/g,
  /Galera/g,
  /MariaDB/g,
]

type Problem = { account: string; path: string; kind: string; detail: string }
const problems: Problem[] = []
const opened = new Map<string, number>()

function visibleText(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/gi, ' ')
    .replace(/<style[\s\S]*?<\/style>/gi, ' ')
    .replace(/<(code|pre|kbd|samp)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&#39;|&quot;|&lt;|&gt;/g, ' ')
    .replace(/\s+/g, ' ')
}

function englishIn(text: string): string[] {
  let t = text
  for (const re of ALLOWED) t = t.replace(re, ' ')
  t = t.replace(/\S+@\S+/g, ' ').replace(/https?:\/\/\S+/g, ' ')
  const words = t.split(/[^A-Za-z]+/).filter(Boolean)
  const hits: string[] = []
  // a sentence: two English words within three words of each other (single words are often codes or names)
  for (let i = 0; i < words.length; i++) {
    const w = words[i].toLowerCase()
    if (!ENGLISH.has(w)) continue
    for (let j = i + 1; j <= i + 3 && j < words.length; j++) {
      if (ENGLISH.has(words[j].toLowerCase())) {
        const around = text.indexOf(words[i])
        hits.push(text.slice(Math.max(0, around - 30), around + 60).trim())
        i = j
        break
      }
    }
  }
  return hits
}

function linksOf(html: string): string[] {
  const out = new Set<string>()
  for (const m of html.matchAll(/<a\b[^>]*\bhref="([^"#]+)"[^>]*>/gi)) {
    const tag = m[0]
    let href = m[1].replace(/&amp;/g, '&')
    if (/\bdownload\b/.test(tag) || /target="_blank"/.test(tag)) continue
    if (href.startsWith(BASE)) href = href.slice(BASE.length)
    if (!href.startsWith('/') || href.startsWith('//')) continue
    if (/^\/(logout|locale|vendor|css|js|favicon)/.test(href)) continue
    if (
      /(\.(xlsx|pdf|csv|zip|json|png|jpg)(\?|$))|\/(export|download|file|pdf|xlsx|csv)(\/|\?|$)|format=(xlsx|pdf|csv)/.test(
        href
      )
    )
      continue
    out.add(href)
  }
  return [...out]
}

const pattern = (path: string) =>
  path
    .split('?')[0]
    .replace(/\/\d+(?=\/|$)/g, '/:id')
    .replace(/\d{4}-\d{2}(-\d{2})?/g, ':date')

async function check(account: string, s: Session, path: string, offeredBy?: string) {
  let status = 0
  let body = ''
  let ms = 0
  let res: Response
  try {
    const t = performance.now()
    res = await fetch(`${BASE}${path}`, {
      headers: { cookie: (s as any).header() },
      redirect: 'manual',
    })
    body = await res.text()
    ms = performance.now() - t
    status = res.status
  } catch (e) {
    problems.push({ account, path, kind: 'network', detail: String(e) })
    return ''
  }
  opened.set(account, (opened.get(account) ?? 0) + 1)
  if (status >= 500) problems.push({ account, path, kind: '5xx', detail: `${status}` })
  else if (status >= 400 && status !== 403 && offeredBy)
    problems.push({ account, path, kind: `${status}`, detail: `link on ${offeredBy}` })
  else if (status === 403 && offeredBy)
    problems.push({ account, path, kind: '403 link', detail: `link on ${offeredBy}` })
  if (ms > 3000) problems.push({ account, path, kind: 'slow', detail: `${Math.round(ms)} ms` })
  if (status !== 200) return ''
  // downloads served from a plain link (CSV samples, files) are not pages
  if (!/text\/html/.test(res.headers.get('content-type') ?? '')) return ''
  if (/class="flash flash-error"|role="alert"/.test(body))
    problems.push({
      account,
      path,
      kind: 'error banner',
      detail: visibleText(/flash-error[^>]*>([\s\S]{0,300})/.exec(body)?.[1] ?? '').slice(0, 120),
    })
  // e-mail addresses (warehouse.badinh@…), permission codes (cases:read) and URL paths are data, not texts
  const text = visibleText(body.replace(/<head>[\s\S]*?<\/head>/i, ''))
    .replace(/\S+@\S+/g, ' ')
    .replace(/\b[a-z_]+:[a-z_]+\b/g, ' ')
    // addresses shown as data (the audit's "Địa chỉ /periods/requests/new")
    .replace(/(^|\s)\/[\w\-/.?=&%]*/g, ' ')
  for (const hit of englishIn(text)) problems.push({ account, path, kind: 'english', detail: hit })
  for (const m of new Set(text.match(KEY_RE) ?? []))
    problems.push({ account, path, kind: 'i18n key', detail: m })
  if (/translation missing/i.test(text))
    problems.push({ account, path, kind: 'i18n key', detail: 'translation missing' })
  return body
}

async function crawl(account: string) {
  const s = await new Session(BASE).login(account, PASSWORD)
  const home = await check(account, s, '/')
  const nav = [...new Set(['/', ...linksOf(/<nav[\s\S]*?<\/nav>/.exec(home)?.[0] ?? '')])]
  const seen = new Set<string>(nav)
  const perPattern = new Map<string, number>()
  const bodies = new Map<string, string>([['/', home]])
  for (const p of nav.slice(1)) bodies.set(p, await check(account, s, p, '/'))
  for (const [from, body] of bodies) {
    for (const link of linksOf(body)) {
      if (seen.has(link)) continue
      seen.add(link)
      const key = pattern(link)
      const n = perPattern.get(key) ?? 0
      if (n >= 2) continue
      perPattern.set(key, n + 1)
      await check(account, s, link, from)
    }
  }
  return { session: s, nav }
}

async function mobile(runs: { account: string; session: Session; nav: string[] }[]) {
  const { chromium } = await import('playwright')
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--headless', '--disable-gpu'],
  })
  const checkedPerRole = new Set<string>()
  let pages = 0
  for (const run of runs) {
    const role = run.account.split(/[.@]/)[0]
    const level =
      run.account.includes('@thads.demo') && !run.account.includes('.') ? 'n' : run.account
    if (checkedPerRole.has(`${role}:${level.split('.')[1]?.slice(0, 2) ?? 'n'}`)) continue
    checkedPerRole.add(`${role}:${level.split('.')[1]?.slice(0, 2) ?? 'n'}`)
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } })
    const cookies = [...((run.session as any).cookies as Map<string, string>)].map(
      ([name, value]) => ({
        name,
        value,
        url: BASE,
      })
    )
    await context.addCookies(cookies)
    const page = await context.newPage()
    for (const path of run.nav) {
      await page.goto(`${BASE}${path}`)
      pages++
      // evaluated in the page (a string, so this Node file needs no DOM types)
      const over = Number(
        await page.evaluate(
          'document.documentElement.scrollWidth - document.documentElement.clientWidth'
        )
      )
      if (over > 1)
        problems.push({
          account: run.account,
          path,
          kind: '390px scroll',
          detail: `${over}px wider`,
        })
    }
    await context.close()
  }
  await browser.close()
  return pages
}

const runs: { account: string; session: Session; nav: string[] }[] = []
for (const account of ACCOUNTS) {
  try {
    const { session, nav } = await crawl(account)
    runs.push({ account, session, nav })
    console.log(`${account}: ${opened.get(account) ?? 0} pages`)
  } catch (e) {
    problems.push({ account, path: '/login', kind: 'login', detail: String(e) })
  }
}
const mobilePages = MOBILE ? await mobile(runs) : 0
for (const p of problems) console.log(`${p.kind}\t${p.account}\t${p.path}\t${p.detail}`)
const total = [...opened.values()].reduce((a, b) => a + b, 0)
console.log(
  `\n${ACCOUNTS.length} accounts, ${total} pages opened, ${mobilePages} pages at 390 px, ${problems.length} problems`
)
process.exit(problems.length ? 1 : 0)
