import { ListLoader } from '@adonisjs/core/ace'
import BenchForms from './bench_forms.js'
import BenchClusterMoney from './bench_cluster_money.js'
import BenchScale from './bench_scale.js'
import DemoGenerate from './demo_generate.js'
import MakePlugin from './make_plugin.js'
import ReconciliationSnapshot from './reconciliation_snapshot.js'

/**
 * The reporting module's ace commands, registered in adonisrc.ts `commands` (each module that owns commands
 * exposes such a loader, so `app/core/commands` keeps only the app-wide `thads:prepare`).
 */
const loader = new ListLoader([
  BenchForms,
  BenchClusterMoney,
  BenchScale,
  DemoGenerate,
  MakePlugin,
  ReconciliationSnapshot,
])

export const getMetaData = () => loader.getMetaData()
export const getCommand: typeof loader.getCommand = (metaData) => loader.getCommand(metaData)
