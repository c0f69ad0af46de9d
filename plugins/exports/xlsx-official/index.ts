/**
 * Excel exports in the official look: forms through formWorkbook (title block, merged headers, signature),
 * list reports and drill-downs through the streaming list writer.
 */
import { defineExport } from '#reporting'
import { formWorkbook } from './form_sheet.js'
import { listWorkbook } from './list_sheet.js'

export default defineExport({
  formats: ['xlsx'],
  render: (form, options) => formWorkbook(form, options),
  renderList: (list, options) => listWorkbook(list, options),
})
