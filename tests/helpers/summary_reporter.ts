import type { NamedReporterContract } from '@japa/runner/types'

let closingLine: string | null = null

/**
 * Records the plain closing line CI reads ("N passed, N failed, N skipped"); bin/test.ts prints it after
 * japa's own summary so that it is the last line of the run.
 */
export function summaryLine(): NamedReporterContract {
  return {
    name: 'summary-line',
    handler: (runner, emitter) => {
      emitter.on('runner:end', () => {
        const { aggregates } = runner.getSummary()
        const failed = aggregates.failed + aggregates.regression
        closingLine = `${aggregates.passed} passed, ${failed} failed, ${aggregates.skipped} skipped`
      })
    },
  }
}

export function printClosingLine() {
  process.stdout.write(`\n${closingLine ?? '0 passed, 1 failed, 0 skipped'}\n`)
}
