import {
  buildContext,
  computeForm,
  defaultLayout,
  drillDown,
  formPlugin,
  periodRange,
  type ComputedForm,
  type MeasureFormDefinition,
  type RowLayout,
} from '#reporting'
import type { Unit } from '#accounts'

export function unitRef(u: Unit) {
  return {
    id: u.id,
    code: u.code,
    name: u.name,
    path: u.path,
    level: u.level,
    parentId: u.parentId,
  }
}

export async function compute(
  formId: string,
  unit: Unit,
  year: number,
  n: number,
  layout?: RowLayout,
  officerId: number | null = null
): Promise<ComputedForm> {
  const plugin = formPlugin(formId)!
  const ctx = await buildContext({
    unit: unitRef(unit),
    period: periodRange(year, n),
    layout: layout ?? defaultLayout(unit),
    officerId,
  })
  return computeForm(plugin.manifest, plugin.definition, ctx)
}

export async function openCell(
  formId: string,
  unit: Unit,
  year: number,
  n: number,
  row: number,
  column: string,
  perPage = 1000
) {
  const plugin = formPlugin(formId)!
  const ctx = await buildContext({
    unit: unitRef(unit),
    period: periodRange(year, n),
    layout: defaultLayout(unit),
    officerId: null,
  })
  return drillDown(plugin.definition as MeasureFormDefinition, ctx, row, column, 1, perPage)
}

export const FORMS = ['form-06-cases', 'form-07-money'] as const

export function failures(form: ComputedForm) {
  return form.rules
    .filter((r) => !r.passed)
    .map(
      (r) =>
        `${form.form.id} ${form.unit.code} ${form.period.year}/${form.period.n} row ${r.row} ${r.rule}: ${r.left} vs ${r.right}`
    )
}
