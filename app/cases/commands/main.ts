import { ListLoader } from '@adonisjs/core/ace'
import RebuildDeadlines from './rebuild_deadlines.js'
import RebuildSearchTerms from './rebuild_search_terms.js'
import SnapshotOverdue from './snapshot_overdue.js'

/** The cases module's ace commands, registered in adonisrc.ts `commands`. */
const loader = new ListLoader([RebuildDeadlines, RebuildSearchTerms, SnapshotOverdue])

export const getMetaData = () => loader.getMetaData()
export const getCommand: typeof loader.getCommand = (metaData) => loader.getCommand(metaData)
