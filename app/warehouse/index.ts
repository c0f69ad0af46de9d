/**
 * Public face of the warehouse module (SPEC §6): the exhibit ledger, orders and movements (chain of custody),
 * stock cards and stock-takes. Other modules and the seeders use only what is exported here.
 */
export { default as Exhibit } from './models/exhibit.js'
export { default as WarehouseOrder } from './models/warehouse_order.js'
export { default as Stocktake } from './models/stocktake.js'
export * from './rules.js'
export { RegisterExhibit, type ExhibitInput } from './actions/register_exhibit.js'
export { ProposeOrder, type OrderInput } from './actions/propose_order.js'
export { SignOrder, RefuseOrder } from './actions/decide_order.js'
export { ExecuteOrder, type ExecutionInput } from './actions/execute_order.js'
export { RecordStocktake, type StocktakeInput } from './actions/record_stocktake.js'
export { ApproveStocktake } from './actions/approve_stocktake.js'
export { canReadExhibit, scopeExhibits, isKeeperOf } from './services/access.js'
export { exhibitUrl, qrDataUrl } from './services/label.js'
