import { ListLoader } from '@adonisjs/core/ace'
import MakePlugin from './make_plugin.js'
import ReconciliationSnapshot from './reconciliation_snapshot.js'

/**
 * The reporting module's ace commands, registered in adonisrc.ts `commands` (each module that owns commands
 * exposes such a loader, so `app/core/commands` keeps only the app-wide `thads:prepare`).
 */
const loader = new ListLoader([MakePlugin, ReconciliationSnapshot])

export const getMetaData = () => loader.getMetaData()
export const getCommand: typeof loader.getCommand = (metaData) => loader.getCommand(metaData)
