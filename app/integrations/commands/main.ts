import { ListLoader } from '@adonisjs/core/ace'
import IntegrationsDispatch from './dispatch.js'

/** The integrations module's ace commands, registered in adonisrc.ts `commands`. */
const loader = new ListLoader([IntegrationsDispatch])

export const getMetaData = () => loader.getMetaData()
export const getCommand: typeof loader.getCommand = (metaData) => loader.getCommand(metaData)
