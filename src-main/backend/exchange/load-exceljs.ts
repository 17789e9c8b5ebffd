// exceljs is hundreds of CommonJS files (a third of a second to load on a quiet machine, more
// than the rest of the backend): it is loaded on the first spreadsheet, not at start-up, so the
// app window, every CLI command and every crash-test child start without it.
import type * as ExcelJS from 'exceljs'

let loading: Promise<typeof ExcelJS> | undefined

export function loadExcelJS(): Promise<typeof ExcelJS> {
  // Node hands a CommonJS module over as `default`.
  loading ??= import('exceljs').then((m) => (m as { default?: typeof ExcelJS }).default ?? m)
  return loading
}
