import env from '#start/env'
import { defineConfig } from '@adonisjs/core/bodyparser'

const bodyParserConfig = defineConfig({
  allowedMethods: ['POST', 'PUT', 'PATCH', 'DELETE'],
  form: { convertEmptyStringsToNull: true, types: ['application/x-www-form-urlencoded'] },
  json: {
    convertEmptyStringsToNull: true,
    types: [
      'application/json',
      'application/json-patch+json',
      'application/vnd.api+json',
      'application/csp-report',
    ],
  },
  multipart: {
    autoProcess: true,
    convertEmptyStringsToNull: true,
    // the import routes stream their (large) file themselves: app/cases/imports/services/receive.ts
    processManually: ['/imports', '/api/v1/imports'],
    limit: `${env.get('UPLOAD_MAX_MB', 20) + 1}mb`,
    types: ['multipart/form-data'],
  },
})

export default bodyParserConfig
