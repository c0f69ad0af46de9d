import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Evidence warehouse (SPEC §6).
 *   exhibits            — the ledger (sổ theo dõi vật chứng): one row per item; quantities are integers in the
 *                         item's own unit (VND for money); `quantity_held` is in custody, `quantity_out` is out on a
 *                         temporary extraction; `version` is bumped by every movement (conditional UPDATEs).
 *   warehouse_orders    — proposed (officer or keeper) → signed | refused (head) → executed (keeper), once.
 *   warehouse_movements — what an executed order (or an approved stock-take difference) did: the chain of
 *                         custody with document number, date, people, result and the quantities before/after.
 *   stocktakes / stocktake_lines — counted quantities, differences with their explanation, head's approval.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('exhibits', (table) => {
      table.increments('id')
      table.integer('unit_id').unsigned().notNullable().references('id').inTable('units')
      table.string('unit_path', 255).notNullable()
      table.string('code', 40).notNullable()
      table.string('category', 24).notNullable()
      table.text('description').notNullable()
      table.string('measure', 32).notNullable() // unit of quantity: chiếc, kg, đồng …
      table.bigInteger('declared_quantity').notNullable()
      table.bigInteger('quantity_held').notNullable().defaultTo(0)
      table.bigInteger('quantity_out').notNullable().defaultTo(0)
      table.bigInteger('quantity_received').notNullable().defaultTo(0) // sum of the executed intakes
      table.string('condition', 500).nullable()
      table.string('seal_number', 64).nullable()
      table.string('source_body', 255).notNullable()
      table.string('seizure_record', 255).notNullable()
      table.date('seized_on').nullable()
      table.integer('judgment_id').unsigned().nullable().references('id').inTable('judgments')
      table.integer('case_id').unsigned().nullable().references('id').inTable('cases')
      table.string('status', 16).notNullable().defaultTo('awaiting') // awaiting | in_custody | closed
      table.string('location_kind', 16).notNullable().defaultTo('warehouse') // warehouse | outside
      table.string('location', 255).nullable() // area / shelf, or the place outside
      table.string('custodian', 255).nullable() // who keeps it outside the warehouse
      table.date('received_on').nullable() // first intake
      table.date('last_checked_on').nullable()
      table.date('closed_on').nullable()
      table.integer('created_by_id').unsigned().notNullable().references('id').inTable('users')
      table.integer('version').notNullable().defaultTo(0)
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.unique(['unit_id', 'code'])
      table.index(['unit_path', 'status', 'id'])
      table.index(['unit_id', 'category', 'status'])
      table.index(['case_id'])
      table.index(['status', 'received_on'])
    })

    this.schema.createTable('warehouse_orders', (table) => {
      table.increments('id')
      table.integer('exhibit_id').unsigned().notNullable().references('id').inTable('exhibits')
      table.integer('unit_id').unsigned().notNullable().references('id').inTable('units')
      table.string('unit_path', 255).notNullable()
      table.string('kind', 24).notNullable()
      table.bigInteger('quantity').notNullable()
      table.text('reason').notNullable()
      table.string('status', 16).notNullable().defaultTo('proposed') // proposed | signed | refused | executed
      table.string('order_number', 40).nullable()
      table.integer('proposed_by_id').unsigned().notNullable().references('id').inTable('users')
      table.integer('signed_by_id').unsigned().nullable().references('id').inTable('users')
      table.date('signed_on').nullable()
      table.text('refusal_reason').nullable()
      table.integer('executed_by_id').unsigned().nullable().references('id').inTable('users')
      table.timestamp('executed_at').nullable()
      table.integer('version').notNullable().defaultTo(0)
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.index(['unit_id', 'status'])
      table.index(['exhibit_id'])
    })

    this.schema.createTable('warehouse_movements', (table) => {
      table.increments('id')
      table.integer('exhibit_id').unsigned().notNullable().references('id').inTable('exhibits')
      table.integer('order_id').unsigned().nullable().references('id').inTable('warehouse_orders')
      table.integer('stocktake_id').unsigned().nullable()
      table.integer('unit_id').unsigned().notNullable().references('id').inTable('units')
      table.string('unit_path', 255).notNullable()
      table.integer('case_id').unsigned().nullable()
      table.string('kind', 24).notNullable()
      table.bigInteger('quantity').notNullable()
      table.string('document_number', 64).notNullable()
      table.date('movement_date').notNullable()
      table.string('handed_by', 255).nullable()
      table.string('received_by', 255).nullable()
      table.text('members').nullable() // JSON list: destruction council
      table.text('result').nullable()
      table.bigInteger('proceeds').nullable() // auction, integer VND
      table.string('location_before', 255).nullable()
      table.string('location_after', 255).nullable()
      table.bigInteger('held_before').notNullable()
      table.bigInteger('held_after').notNullable()
      table.bigInteger('out_before').notNullable()
      table.bigInteger('out_after').notNullable()
      table.integer('copies').notNullable().defaultTo(1)
      table.integer('edit_request_id').unsigned().nullable()
      table.integer('recorded_by_id').unsigned().notNullable().references('id').inTable('users')
      table.timestamp('created_at').notNullable()
      table.unique(['order_id'])
      table.index(['exhibit_id', 'id'])
      table.index(['case_id', 'movement_date'])
      table.index(['unit_id', 'movement_date'])
    })

    this.schema.createTable('stocktakes', (table) => {
      table.increments('id')
      table.integer('unit_id').unsigned().notNullable().references('id').inTable('units')
      table.string('unit_path', 255).notNullable()
      table.string('kind', 16).notNullable() // quarterly | half_year | yearly | monthly_outside
      table.date('count_date').notNullable()
      table.string('status', 16).notNullable().defaultTo('submitted') // submitted | approved
      table.text('members').nullable()
      table.integer('created_by_id').unsigned().notNullable().references('id').inTable('users')
      table.integer('approved_by_id').unsigned().nullable().references('id').inTable('users')
      table.date('approved_on').nullable()
      table.integer('differences').notNullable().defaultTo(0)
      table.integer('version').notNullable().defaultTo(0)
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.index(['unit_id', 'count_date'])
    })

    this.schema.createTable('stocktake_lines', (table) => {
      table.increments('id')
      table.integer('stocktake_id').unsigned().notNullable().references('id').inTable('stocktakes')
      table.integer('exhibit_id').unsigned().notNullable().references('id').inTable('exhibits')
      table.bigInteger('expected').notNullable()
      table.bigInteger('counted').notNullable()
      table.bigInteger('difference').notNullable()
      table.text('explanation').nullable()
      table.unique(['stocktake_id', 'exhibit_id'])
      table.index(['exhibit_id'])
    })
  }

  async down() {
    this.schema.dropTable('stocktake_lines')
    this.schema.dropTable('stocktakes')
    this.schema.dropTable('warehouse_movements')
    this.schema.dropTable('warehouse_orders')
    this.schema.dropTable('exhibits')
  }
}
