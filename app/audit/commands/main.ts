import { ListLoader } from '@adonisjs/core/ace'
import AuditCheckpoint from './audit_checkpoint.js'
import AuditVerify from './audit_verify.js'

/** The audit module's ace commands (registered in adonisrc.ts `commands`). */
const loader = new ListLoader([AuditCheckpoint, AuditVerify])

export const getMetaData = () => loader.getMetaData()
export const getCommand: typeof loader.getCommand = (metaData) => loader.getCommand(metaData)
