/**
 * demo:generate's generator on a small national history: the national form 06/07 built from it passes every
 * SPEC §5 identity, the status mix is realistic, runs are refused on generated data unless appending, and the
 * same seed gives the same rows. The generated data is removed afterwards (other tests share the database).
 */
import { createHash } from 'node:crypto'
import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import {
  buildContext,
  computeForm,
  evaluateRules,
  formPlugin,
  periodRange,
  TOTAL_KEY,
  type MeasureFormDefinition,
} from '#reporting'
import {
  deleteGeneratedData,
  DemoRefused,
  generateNationalDemo,
  type DemoSummary,
} from '#database/synthetic/national_demo'
import { nationalHistories } from '#database/synthetic/national_history'

const SEED = 20_260
let summary: DemoSummary

async function nationalForm(formId: string, year: number, n: number) {
  const plugin = formPlugin(formId)!
  const national = await db.from('units').where('code', 'TC').firstOrFail()
  const unit = {
    id: national.id,
    code: national.code,
    name: national.name,
    path: national.path,
    level: national.level,
    parentId: null,
  }
  const ctx = await buildContext({
    unit,
    period: periodRange(year, n),
    layout: 'unit',
    officerId: null,
  })
  return computeForm(plugin.manifest, plugin.definition, ctx)
}

test.group('demo:generate', (group) => {
  group.setup(async () => {
    summary = await generateNationalDemo({ cases: 300, seed: SEED, batch: 100 })
    return () => deleteGeneratedData()
  })

  test('writes a national history: synthetic districts in every province, officers, cases with their rows', async ({
    assert,
  }) => {
    assert.equal(summary.cases, 300)
    assert.isAbove(summary.spans, 300)
    assert.isAbove(summary.entries, 300)
    assert.isAbove(summary.assignments, 250)
    const provinces = await db
      .from('units as p')
      .join('units as n', 'n.id', 'p.parent_id')
      .where('n.code', 'TC')
      .where('p.level', 'province')
      .select('p.id')
    const withDistricts = await db
      .from('units')
      .whereIn(
        'parent_id',
        provinces.map((p) => p.id)
      )
      .where('level', 'district')
      .countDistinct('parent_id as n')
      .first()
    assert.equal(Number(withDistricts.n), provinces.length)
    const hagiang = await db
      .from('units as d')
      .join('units as p', 'p.id', 'd.parent_id')
      .where('p.code', 'T02')
      .select('d.code', 'd.name')
    assert.isAtLeast(hagiang.length, 8)
    assert.isAtMost(hagiang.length, 12)
    for (const d of hagiang) {
      assert.match(d.code, /^T02-D\d\d$/)
      assert.include(d.name, 'mô phỏng')
    }
    const officers = await db
      .from('users as u')
      .join('user_roles as r', 'r.user_id', 'u.id')
      .where('r.role', 'officer')
      .whereILike('u.email', '%@demo-generate.invalid')
      .count('* as n')
      .first()
    assert.isAtLeast(Number(officers.n), 2 * 690)
  }).timeout(60_000)

  test('every SPEC §5 identity holds on the national forms computed from the generated data', async ({
    assert,
  }) => {
    const problems: string[] = []
    for (const formId of ['form-06-cases', 'form-07-money']) {
      const def = formPlugin(formId)!.definition as MeasureFormDefinition
      for (const [year, n] of [
        [2024, 6],
        [2024, 12],
        [2025, 3],
        [2025, 12],
      ]) {
        const form = await nationalForm(formId, year, n)
        const results = [...evaluateRules(def.rules ?? [], def.columns, form.rows), ...form.rules]
        assert.isAbove(results.length, 64 * (def.rules ?? []).length)
        for (const r of results.filter((x) => !x.passed))
          problems.push(`${formId} ${year}/${n} row ${r.row} ${r.rule}: ${r.left} vs ${r.right}`)
      }
    }
    assert.deepEqual(problems, [])
    const total = (await nationalForm('form-06-cases', 2025, 12)).rows.find(
      (r) => r.key === TOTAL_KEY
    )!.values
    for (const c of ['c2', 'c3', 'c8', 'c9', 'c11', 'c12', 'c14']) assert.isAbove(total[c]!, 0, c)
  }).timeout(60_000)

  test('statuses mix as in real agencies; terminal cases are settled', async ({ assert }) => {
    const share = (s: string) => (summary.statuses[s] ?? 0) / summary.cases
    for (const s of ['completed', 'terminated', 'in_progress', 'no_conditions', 'postponed'])
      assert.isAbove(share(s), 0, s)
    assert.closeTo(share('completed'), 0.45, 0.08)
    const open = ['in_progress', 'no_conditions', 'postponed', 'suspended'].reduce(
      (sum, s) => sum + share(s),
      0
    )
    assert.closeTo(open, 0.43, 0.08)
    assert.closeTo(share('no_conditions') / open, 0.22, 0.1)
    // Terminal cases keep nothing to collect, and the remaining cache equals Σ of the ledger.
    const unsettled = await db
      .from('cases as c')
      .where('c.summary', 'like', '%demo:generate%')
      .whereIn('c.status', ['completed', 'terminated', 'delegated_out', 'withdrawn', 'revoked'])
      .where('c.remaining', '<>', 0)
      .count('* as n')
      .first()
    assert.equal(Number(unsettled.n), 0)
    const ledger =
      await db.rawQuery(`SELECT COUNT(*) AS n FROM cases c WHERE c.summary LIKE '%demo:generate%' AND c.draft_status = 'approved' AND c.remaining <> (
      SELECT COALESCE(SUM(CASE WHEN m.kind = 'obligation' THEN m.amount WHEN m.kind IN ('collected','reduced','terminated_amount','delegated_amount','withdrawn_amount','revoked_amount') THEN -m.amount ELSE 0 END), 0)
      FROM money_entries m WHERE m.case_id = c.id)`)
    const rows = Array.isArray(ledger[0]) ? ledger[0] : ledger
    assert.equal(Number(rows[0].n), 0)
  })

  test('refuses a database with generated data unless appending', async ({ assert }) => {
    await assert.rejects(() => generateNationalDemo({ cases: 5, seed: 1 }), DemoRefused)
    const more = await generateNationalDemo({ cases: 5, seed: 2, append: true })
    assert.equal(more.cases, 5)
    assert.equal(more.unitsCreated, 0)
    assert.equal(more.officersCreated, 0)
  }).timeout(30_000)

  test('the same seed gives the same histories, another seed others', async ({ assert }) => {
    const units = [
      { id: 1, code: 'A', path: '/1/2/', weight: 3, officers: [10, 11] },
      { id: 2, code: 'B', path: '/1/2/3/', weight: 1, officers: [12] },
    ]
    const digest = (seed: number) => {
      const h = createHash('sha256')
      for (const c of nationalHistories({
        seed,
        cases: 500,
        units,
        from: '2023-10-01',
        horizon: '2025-09-30',
        firstId: 1,
      }))
        h.update(JSON.stringify(c))
      return h.digest('hex')
    }
    assert.equal(digest(SEED), digest(SEED))
    assert.notEqual(digest(SEED), digest(SEED + 1))
  })
})
