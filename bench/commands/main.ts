import { ListLoader } from '@adonisjs/core/ace'
import BenchClusterMoney from './bench_cluster_money.js'
import BenchForms from './bench_forms.js'
import BenchImport from './bench_import.js'
import BenchIntegrations from './bench_integrations.js'
import BenchScale from './bench_scale.js'
import DemoGenerate from './demo_generate.js'

/**
 * Benchmark commands and the synthetic-data generator they run on: not application code, so they live in
 * bench/ (registered in adonisrc.ts `commands` like each module's loader). docs/performance.md has the runs.
 */
const loader = new ListLoader([
  BenchClusterMoney,
  BenchForms,
  BenchImport,
  BenchIntegrations,
  BenchScale,
  DemoGenerate,
])

export const getMetaData = () => loader.getMetaData()
export const getCommand: typeof loader.getCommand = (metaData) => loader.getCommand(metaData)
