/** A minimal browser for the multi-instance suite: a cookie jar shared across instances, CSRF from a page. */
export class Browser {
  cookies = new Map<string, string>()

  cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
  }

  store(res: Response) {
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';')
      const eq = pair.indexOf('=')
      const name = pair.slice(0, eq).trim()
      const value = pair.slice(eq + 1).trim()
      const expired = attrs.some(
        (a) =>
          /max-age=0/i.test(a.trim()) ||
          (/^expires=/i.test(a.trim()) && Date.parse(a.split('=')[1]) < Date.now())
      )
      if (expired || value === '') this.cookies.delete(name)
      else this.cookies.set(name, value)
    }
  }

  async request(base: string, path: string, init: RequestInit = {}) {
    const res = await fetch(base + path, {
      ...init,
      redirect: 'manual',
      headers: { cookie: this.cookieHeader(), ...(init.headers ?? {}) },
    })
    this.store(res)
    return res
  }

  async csrf(base: string, path: string): Promise<string> {
    const res = await this.request(base, path)
    const html = await res.text()
    const token = /name=['"]_csrf['"] value=['"]([^'"]+)['"]/.exec(html)?.[1]
    if (!token) throw new Error(`no CSRF token on ${path} (${res.status})`)
    return token
  }

  async post(
    base: string,
    path: string,
    form: Record<string, string>,
    headers: Record<string, string> = {}
  ) {
    return this.request(base, path, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams(form).toString(),
    })
  }

  async login(base: string, email: string, password: string) {
    const token = await this.csrf(base, '/login')
    const res = await this.post(base, '/login', { _csrf: token, email, password })
    if (res.status !== 302 || (res.headers.get('location') ?? '').includes('/login'))
      throw new Error(
        `login of ${email} on ${base} failed: ${res.status} ${res.headers.get('location')}`
      )
  }
}

export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | null | undefined | false>,
  seconds: number
): Promise<T> {
  const until = Date.now() + seconds * 1000
  for (;;) {
    const value = await probe()
    if (value) return value
    if (Date.now() > until) throw new Error(`timed out after ${seconds}s waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 500))
  }
}
