import { BaseSchema } from '@adonisjs/lucid/schema'
import { viSortKey } from '#core'

/**
 * Users list in Vietnamese alphabetical order (issue 11): `name_key` = `viSortKey(full_name)`, kept by the User
 * model on every save (and by the seeders that insert users directly), indexed with the id so that a page of
 * the list is one index range. Existing rows are filled here.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('users', (table) => {
      table.string('name_key', 255).notNullable().defaultTo('')
      table.index(['name_key', 'id'], 'users_name_key_index')
    })
    this.defer(async (db) => {
      let last = 0
      for (;;) {
        const rows = await db
          .from('users')
          .where('id', '>', last)
          .orderBy('id')
          .limit(500)
          .select('id', 'full_name')
        if (rows.length === 0) break
        for (const r of rows)
          await db
            .from('users')
            .where('id', r.id)
            .update({ name_key: viSortKey(r.full_name) })
        last = rows[rows.length - 1].id
      }
    })
  }

  async down() {
    this.schema.alterTable('users', (table) => {
      table.dropIndex(['name_key', 'id'], 'users_name_key_index')
      table.dropColumn('name_key')
    })
  }
}
