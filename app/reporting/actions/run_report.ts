/**
 * The use cases of the reports area, shared by pages, the API and (later) commands and jobs:
 * compute a form, open a cell, read a list report. Each resolves the plugin and the unit, authorizes the
 * reader by role and jurisdiction, checks the form's validity dates and builds the scoped context.
 */
import { RuleViolation } from '#core'
import type { User } from '#accounts'
import { formPlugin } from '../plugin/loader.js'
import type {
  ComputedForm,
  FormDefinition,
  MeasureFormDefinition,
  PluginManifest,
  RowLayout,
} from '../plugin/types.js'
import { authorizeReport } from '../services/access.js'
import { buildContext, defaultLayout, unitByCodeOrId } from '../services/context.js'
import { computeForm, drillDown, type DrillDown } from '../services/engine.js'
import { periodRange } from '../services/period.js'

export interface ReportRequest {
  form: string
  unit: string
  year: number
  period: number
  by?: RowLayout
}

async function prepare(user: User, input: ReportRequest) {
  const plugin = formPlugin(input.form)
  if (!plugin) throw new RuleViolation('reporting.unknown_form', { form: input.form })
  const unit = await unitByCodeOrId(input.unit)
  if (!unit) throw new RuleViolation('reporting.unknown_unit', { unit: input.unit })
  const grant = authorizeReport(user, unit)
  const period = periodRange(input.year, input.period)
  const { validFrom, validTo } = plugin.manifest
  if ((validFrom && period.end < validFrom) || (validTo && period.start > validTo)) {
    throw new RuleViolation('reporting.not_valid_for_period', {
      form: input.form,
      from: validFrom ?? '',
      to: validTo ?? '',
    })
  }
  // An officer reads its own row of its own office's report, whatever layout it asks for.
  const layout: RowLayout = grant.officerId !== null ? 'officer' : (input.by ?? defaultLayout(unit))
  const ctx = await buildContext({ unit, period, layout, officerId: grant.officerId })
  return { plugin, ctx }
}

export class ComputeReport {
  async handle(
    user: User,
    input: ReportRequest
  ): Promise<{ form: ComputedForm; manifest: PluginManifest; definition: FormDefinition }> {
    const { plugin, ctx } = await prepare(user, input)
    return {
      form: await computeForm(plugin.manifest, plugin.definition, ctx),
      manifest: plugin.manifest,
      definition: plugin.definition,
    }
  }
}

export class OpenCell {
  async handle(
    user: User,
    input: ReportRequest & { row: number; column: string; page: number; perPage: number }
  ): Promise<DrillDown & { manifest: PluginManifest; definition: MeasureFormDefinition }> {
    const { plugin, ctx } = await prepare(user, input)
    const def = plugin.definition
    if (def.type === 'custom' || def.type === 'list')
      throw new RuleViolation('reporting.not_drillable', { form: input.form })
    if (ctx.officerId !== null && input.row !== ctx.officerId)
      throw new RuleViolation('reporting.unknown_row', { row: input.row })
    if (!def.columns.some((c) => c.key === input.column && !c.derive))
      throw new RuleViolation('reporting.unknown_column', { column: input.column })
    const result = await drillDown(def, ctx, input.row, input.column, input.page, input.perPage)
    return { ...result, manifest: plugin.manifest, definition: def }
  }
}

export class ReadList {
  async handle(
    user: User,
    input: ReportRequest & {
      page: number
      perPage: number
      after?: string | null
      withTotal?: boolean
      stream?: boolean
    }
  ) {
    const { plugin, ctx } = await prepare(user, input)
    const def = plugin.definition
    if (def.type !== 'list') throw new RuleViolation('reporting.not_a_list', { form: input.form })
    const result = await def.list(ctx, {
      page: input.page,
      perPage: input.perPage,
      after: input.after ?? null,
      withTotal: input.withTotal ?? true,
      stream: input.stream ?? false,
    })
    return {
      ...result,
      manifest: plugin.manifest,
      definition: def,
      period: ctx.period,
      unit: ctx.unit,
      page: input.page,
      perPage: input.perPage,
    }
  }
}
