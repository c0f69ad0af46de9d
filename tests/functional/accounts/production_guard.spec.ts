import { test } from '@japa/runner'
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import app from '@adonisjs/core/services/app'

const run = promisify(execFile)

/** Runs `node ace thads:prepare` in production mode against a throw-away SQLite file. */
async function prepareInProduction(extraEnv: Record<string, string>) {
  try {
    const { stdout, stderr } = await run('node', ['ace', 'thads:prepare'], {
      cwd: app.makePath(),
      env: {
        ...process.env,
        NODE_ENV: 'production',
        DB_CONNECTION: 'sqlite',
        SQLITE_FILE: `prod-guard-${process.pid}.sqlite3`,
        APP_KEY: '',
        DEMO_SEED: '',
        ...extraEnv,
      },
      timeout: 60000,
    })
    return { code: 0, output: stdout + stderr }
  } catch (error: any) {
    return { code: error.code as number, output: `${error.stdout}${error.stderr}` }
  }
}

test.group('production guards', () => {
  test('production refuses to boot with the built-in demo APP_KEY', async ({ assert }) => {
    const result = await prepareInProduction({})
    assert.notEqual(result.code, 0)
    assert.include(result.output, 'APP_KEY must be set')
  }).timeout(90000)

  test('production refuses the demo seed', async ({ assert }) => {
    const result = await prepareInProduction({
      APP_KEY: 'a-real-secret-key-of-32-characters!!',
      DEMO_SEED: 'true',
    })
    assert.notEqual(result.code, 0)
    assert.include(result.output, 'demo seed is refused in production')
    assert.notInclude(result.output, 'Demo@2026')
  }).timeout(90000)
})
