// The real Excel exporter, fed arbitrary text (fast-check): no cell of the written workbook
// starts a formula or is a formula, and masked ID numbers and phones hide their middles.
import ExcelJS from 'exceljs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { rosterWorkbook } from '../../../src-main/backend/exchange/xlsx-export'
import { sheetColumns } from '../../../src-main/shared/registers/columns'

const DANGEROUS = /^[=+\-@\t\r]/
const columns = sheetColumns('talents').filter((c) =>
  ['name', 'id_card', 'phone', 'employer', 'note'].includes(c.key),
)
const text = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc
    .tuple(fc.constantFrom('=', '+', '-', '@', '\t', '\r', "'="), fc.string())
    .map(([a, b]) => a + b),
)

describe('Excel export of arbitrary text', () => {
  it('never writes a cell that starts a formula', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({ name: text, id_card: text, phone: text, employer: text, note: text }),
          {
            minLength: 1,
            maxLength: 8,
          },
        ),
        fc.boolean(),
        async (rows, masked) => {
          const buf = await rosterWorkbook({
            title: '花名册',
            orgName: '中共某社区委员会',
            date: new Date('2026-11-24'),
            sheetName: '社区能人',
            columns,
            rows,
            masked,
          })
          const wb = new ExcelJS.Workbook()
          await wb.xlsx.load(buf as unknown as ArrayBuffer)
          wb.worksheets[0]?.eachRow((row) =>
            row.eachCell((cell) => {
              expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)
              if (typeof cell.value === 'string') expect(DANGEROUS.test(cell.value)).toBe(false)
            }),
          )
        },
      ),
      { numRuns: 40 },
    )
  }, 60_000)
})
