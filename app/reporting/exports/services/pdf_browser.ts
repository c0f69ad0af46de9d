/**
 * HTML → PDF with Debian's Chromium through puppeteer (no browser download, see .puppeteerrc.cjs).
 * One browser per process, launched on first use and closed when the application terminates; a crashed
 * browser is relaunched on the next call. Pages run without JavaScript and every network request is refused,
 * so a PDF only ever uses the HTML it was given and locally installed fonts.
 */
import app from '@adonisjs/core/services/app'
import puppeteer, { type Browser } from 'puppeteer'

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--headless',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]
/** At most this many PDFs render at once (two CPU cores are common). */
const MAX_PAGES = 2

let launching: Promise<Browser> | null = null
let hooked = false
let busy = 0
const waiting: (() => void)[] = []

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH || '/usr/bin/chromium'
}

function browser(): Promise<Browser> {
  if (!launching) {
    if (!hooked) {
      hooked = true
      app.terminating(() => closePdfBrowser())
    }
    const started = puppeteer.launch({
      executablePath: chromiumPath(),
      headless: true,
      args: CHROMIUM_ARGS,
    })
    launching = started
    started.then(
      (b) => b.on('disconnected', () => launching === started && (launching = null)),
      () => launching === started && (launching = null)
    )
  }
  return launching
}

async function slot<T>(fn: () => Promise<T>): Promise<T> {
  if (busy >= MAX_PAGES) await new Promise<void>((resolve) => waiting.push(resolve))
  busy++
  try {
    return await fn()
  } finally {
    busy--
    waiting.shift()?.()
  }
}

export interface PdfOptions {
  landscape?: boolean
  /** HTML of the page footer (Chromium's footerTemplate; classes pageNumber / totalPages are filled in). */
  footer?: string
}

export async function htmlToPdf(html: string, options: PdfOptions = {}): Promise<Buffer> {
  return slot(async () => {
    const page = await (await browser()).newPage()
    try {
      await page.setJavaScriptEnabled(false)
      await page.setRequestInterception(true)
      page.on('request', (request) =>
        request.url().startsWith('data:') ? request.continue() : request.abort()
      )
      await page.setContent(html, { waitUntil: 'load' })
      const pdf = await page.pdf({
        format: 'A4',
        landscape: options.landscape ?? true,
        printBackground: true,
        preferCSSPageSize: false,
        displayHeaderFooter: Boolean(options.footer),
        headerTemplate: '<span></span>',
        footerTemplate: options.footer ?? '<span></span>',
        margin: {
          top: '12mm',
          bottom: options.footer ? '14mm' : '12mm',
          left: '10mm',
          right: '10mm',
        },
      })
      return Buffer.from(pdf)
    } finally {
      await page.close().catch(() => {})
    }
  })
}

export async function closePdfBrowser(): Promise<void> {
  const current = launching
  launching = null
  if (!current) return
  const b = await current.catch(() => null)
  await b?.close().catch(() => {})
}

/** Whether a browser is running in this process (for tests of the lifecycle). */
export function pdfBrowserRunning(): boolean {
  return launching !== null
}
