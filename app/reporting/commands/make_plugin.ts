import { existsSync } from 'node:fs'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { BaseCommand, args, flags } from '@adonisjs/core/ace'

const FOLDERS = { form: 'forms', export: 'exports', integration: 'integrations' } as const
type Kind = keyof typeof FOLDERS

const manifest = (id: string, kind: Kind) =>
  JSON.stringify(
    {
      id,
      kind,
      version: '0.1.0',
      title: { vi: `TODO: tên tiếng Việt của ${id}`, en: `TODO: English title of ${id}` },
      host: '^1.0.0',
      legalBasis: kind === 'form' ? 'TODO: văn bản quy định biểu mẫu' : null,
      validFrom: kind === 'form' ? new Date().toISOString().slice(0, 10) : null,
      validTo: null,
    },
    null,
    2
  ) + '\n'

const INDEX: Record<Kind, string> = {
  form: `/**
 * A form plugin: each column is an SQL predicate over one case \`c\` (and its status at period end, \`e\`).
 * The host counts the cases per row (officer or unit), checks the rules and opens every cell as its list.
 * See docs/statistician.md.
 */
import { definePlugin } from '#reporting'

export default definePlugin({
  kind: 'form',
  source: 'cases',
  columns: [
    { key: 'c1', no: 1, unit: 'cases', label: { vi: 'Thụ lý mới', en: 'Newly accepted' } },
    { key: 'c2', no: 2, unit: 'cases', label: { vi: 'Chưa xong cuối kỳ', en: 'Open at period end' } },
  ],
  rules: [],
  measures: (sql) => ({
    c1: sql.acceptedInPeriod,
    c2: sql.openAtEnd,
  }),
})
`,
  export: `/** An export plugin: turns a computed form into a file. */
import { definePlugin } from '#reporting'

export default definePlugin({
  kind: 'export',
  formats: ['csv'],
  render: async (form, { locale }) => {
    const header = form.columns.map((c) => (locale === 'en' ? c.label.en : c.label.vi))
    const lines = form.rows.map((r) => [locale === 'en' ? r.label.en : r.label.vi, ...form.columns.map((c) => r.values[c.key] ?? '')].join(';'))
    return ['', ...header].join(';') + '\\n' + lines.join('\\n') + '\\n'
  },
})
`,
  integration: `/**
 * An integration plugin (see docs/integrator.md). The host (app/integrations) gives it:
 *  - onCaseEvent(notice, host): every case event, inside the transaction that writes it; queue outbox
 *    messages with host.enqueue() for the clients whose scope (data kind, units) covers the case's unit;
 *  - inbound endpoints under /api/integrations/v1/<path>, authorized by client token + scope, audited.
 */
import { defineIntegration } from '#integrations'

export default defineIntegration({
  dataKinds: ['${'${KIND}'}'],
  async onCaseEvent(notice, host) {
    if (notice.source !== 'event' || notice.type !== 'no_conditions') return
    for (const client of await host.subscribers('${'${KIND}'}', notice.unitPath)) {
      await host.enqueue({
        clientId: client.id,
        eventType: '${'${KIND}'}.changed',
        payload: { case_id: notice.caseId, status: notice.statusAfter, effective_date: notice.effectiveDate },
        caseId: notice.caseId,
        unitId: notice.unitId,
        unitPath: notice.unitPath,
      })
    }
  },
  inbound: [
    {
      method: 'GET',
      path: '${'${ID}'}/ping',
      dataKind: '${'${KIND}'}',
      access: 'read',
      async handle({ client }) {
        return { data: { client: client.id, pong: true } }
      },
    },
  ],
})
`,
}

const SPEC = (id: string) => `import { test } from '@japa/runner'
import { formPlugin } from '#reporting'

test.group('Plugin ${id}', () => {
  test('is loaded by the host', ({ assert }) => {
    const plugin = formPlugin('${id}')
    assert.exists(plugin, 'see the plugins page for the load error')
  })
})
`

/** `node ace make:plugin form my-form`: scaffolds plugins/<kind folder>/<id>/ with a manifest, index.ts and a test. */
export default class MakePlugin extends BaseCommand {
  static commandName = 'make:plugin'
  static description = 'Scaffold a form, export or integration plugin folder under plugins/'

  @args.string({ description: 'Plugin kind: form, export or integration' })
  declare kind: string

  @args.string({ description: 'Plugin id in kebab-case (the folder name), e.g. my-form' })
  declare id: string

  @flags.string({ description: 'Root folder for plugins (default: plugins/)' })
  declare dir?: string

  async run() {
    if (!(this.kind in FOLDERS)) {
      this.logger.error(`Unknown kind "${this.kind}": use form, export or integration`)
      this.exitCode = 1
      return
    }
    if (!/^[a-z0-9][a-z0-9-]{1,62}$/.test(this.id)) {
      this.logger.error(`"${this.id}" is not a valid id: lower-case letters, digits and dashes`)
      this.exitCode = 1
      return
    }
    const kind = this.kind as Kind
    const folder = join(this.dir ?? this.app.makePath('plugins'), FOLDERS[kind], this.id)
    if (existsSync(folder)) {
      this.logger.error(`${folder} already exists`)
      this.exitCode = 1
      return
    }
    await mkdir(folder, { recursive: true })
    await writeFile(join(folder, 'plugin.json'), manifest(this.id, kind))
    const kindName = this.id.replace(/-/g, '_')
    await writeFile(
      join(folder, 'index.ts'),
      INDEX[kind].replaceAll('${KIND}', kindName).replaceAll('${ID}', this.id)
    )
    if (kind === 'form') {
      await mkdir(join(folder, 'tests'))
      await writeFile(join(folder, 'tests', `${this.id}.spec.ts`), SPEC(this.id))
    }
    this.logger.success(`Created ${folder}`)
    this.logger.info(
      kind === 'integration'
        ? 'Fill in plugin.json and index.ts, then restart the server; see docs/integrator.md'
        : 'Fill in plugin.json (title, legal basis, validity) and index.ts, then restart the server; see docs/statistician.md'
    )
  }
}
