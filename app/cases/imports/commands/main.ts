import { ListLoader } from '@adonisjs/core/ace'
import ImportRun from './import_run.js'

/** The cases module's ace commands (registered in adonisrc.ts `commands`). */
const loader = new ListLoader([ImportRun])

export const getMetaData = () => loader.getMetaData()
export const getCommand: typeof loader.getCommand = (metaData) => loader.getCommand(metaData)
