/**
 * A browser-like client for functional tests that must go through the real login form: it keeps a cookie jar,
 * follows no redirects (tests assert them), and reads the CSRF token from the last HTML page it loaded.
 */
import env from '#start/env'

export interface WebResponse {
  status: number
  location: string | null
  text: string
}

export class WebSession {
  private cookies = new Map<string, string>()
  private csrf: string | null = null
  /** Like a browser, forms are posted from the last page loaded (redirect().back() relies on it). */
  private lastPage: string | null = null
  constructor(
    private base = `http://${env.get('HOST', '127.0.0.1')}:${env.get('PORT', 3334)}`,
    private headers: Record<string, string> = {}
  ) {}

  /** A copy of this browser's cookie jar, like a cookie saved by an attacker: replaying it must open nothing. */
  snapshot(): WebSession {
    const copy = new WebSession(this.base, this.headers)
    for (const [k, v] of this.cookies) copy.cookies.set(k, v)
    copy.csrf = this.csrf
    return copy
  }

  /** The raw value of one cookie (e.g. the signed session id). */
  cookie(name: string): string | undefined {
    return this.cookies.get(name)
  }

  async get(path: string): Promise<WebResponse> {
    return this.send('GET', path)
  }

  /** Posts a form; fetches `csrfFrom` first when no token was seen yet. */
  async post(
    path: string,
    form: Record<string, string | string[]>,
    csrfFrom = '/login'
  ): Promise<WebResponse> {
    if (!this.csrf) await this.get(csrfFrom)
    const body = new URLSearchParams()
    body.append('_csrf', this.csrf ?? '')
    for (const [key, value] of Object.entries(form)) {
      for (const v of Array.isArray(value) ? value : [value]) body.append(key, v)
    }
    return this.send('POST', path, body)
  }

  async login(email: string, password: string): Promise<WebResponse> {
    await this.get('/login')
    return this.post('/login', { email, password })
  }

  private async send(method: string, path: string, body?: URLSearchParams): Promise<WebResponse> {
    const response = await fetch(this.base + path, {
      method,
      redirect: 'manual',
      body,
      headers: {
        ...this.headers,
        ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
        cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        accept: 'text/html',
        ...(this.lastPage ? { referer: this.base + this.lastPage } : {}),
      },
    })
    for (const raw of response.headers.getSetCookie()) {
      const [pair] = raw.split(';')
      const index = pair.indexOf('=')
      const name = pair.slice(0, index)
      const value = pair.slice(index + 1)
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(raw) || value === '') this.cookies.delete(name)
      else this.cookies.set(name, value)
    }
    const text = await response.text()
    const token = text.match(/name='_csrf' value='([^']+)'/)
    if (token) this.csrf = token[1]
    if (method === 'GET' && response.status === 200) this.lastPage = path
    const location = response.headers.get('location')
    return {
      status: response.status,
      location: location ? new URL(location, this.base).pathname : null,
      text,
    }
  }
}
