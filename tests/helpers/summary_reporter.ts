import type { NamedReporterContract } from '@japa/runner/types'

/** Prints the plain closing line CI reads: "N passed, N failed, N skipped". */
export function summaryLine(): NamedReporterContract {
  return {
    name: 'summary-line',
    handler: (runner, emitter) => {
      emitter.on('runner:end', () => {
        const { aggregates } = runner.getSummary()
        const failed = aggregates.failed + aggregates.regression
        process.stdout.write(`\n${aggregates.passed} passed, ${failed} failed, ${aggregates.skipped} skipped\n`)
      })
    },
  }
}
