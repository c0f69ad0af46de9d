import { configApp } from '@adonisjs/eslint-config'

export default configApp(
  { ignores: ['build/**', 'tmp/**', 'storage/**', 'bench/results/**'] },
  // `(await x).y` reads naturally in tests and one-line lookups.
  { rules: { '@unicorn/no-await-expression-member': 'off' } }
)
