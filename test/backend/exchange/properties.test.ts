// Properties of the real export and import paths (real .xlsx written by exceljs and read back):
// no written cell can start a formula, and text and ID numbers come back exactly.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseCell } from '../../../src-main/backend/exchange/cell-parse'
import { readSheet } from '../../../src-main/backend/exchange/sheet-reader'
import { rosterWorkbook } from '../../../src-main/backend/exchange/xlsx-export'
import { sheetColumns } from '../../../src-main/shared/registers/columns'
import { checkDigit } from '../../../src-main/shared/validators/id-card'

const columns = sheetColumns('talents').filter((c) => ['name', 'id_card', 'note'].includes(c.key))
const noNames = { grid: new Map<string, number>(), unit: new Map<string, number>() }
const DANGEROUS = /^[=+\-@\t\r]/

// Text a user can type: anything printable, with formula starters and CJK made likely.
const typed = fc
  .tuple(
    fc.constantFrom('', '=', '+', '-', '@', '\t', '\r', "'", "'=", '=HYPERLINK("x")&'),
    fc.string({ unit: fc.constantFrom('a', '1', ' ', ',', '"', '李', '志', '红', '=', '-', "'") }),
  )
  .map(([head, body]) => (head + body).trim())
  .filter((s) => s !== '' && !/[\r\t]/.test(s.slice(1)))

const idCard = fc
  .tuple(
    fc.constantFrom('110105', '530102', '440981'),
    fc.date({ min: new Date('1930-01-01'), max: new Date('2010-12-31'), noInvalidDate: true }),
    fc.integer({ min: 0, max: 999 }),
  )
  .map(([area, d, seq]) => {
    const body = `${area}${d.toISOString().slice(0, 10).replace(/-/g, '')}${String(seq).padStart(3, '0')}`
    return body + checkDigit(body)
  })

async function roundTrip(rows: Record<string, unknown>[]) {
  const buf = await rosterWorkbook({
    title: 't',
    orgName: 'o',
    date: new Date(),
    sheetName: 's',
    columns,
    rows,
    masked: false,
  })
  const sheet = await readSheet('x.xlsx', buf)
  return sheet.slice(3) // title, 填报单位 line, header
}

describe('export → read back, for arbitrary input', () => {
  it('no cell starts a formula, and import restores the text exactly', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(typed, { minLength: 1, maxLength: 25 }), async (notes) => {
        const rows = notes.map((note, i) => ({ name: `人${i}`, id_card: '', note }))
        const back = await roundTrip(rows)
        notes.forEach((note, i) => {
          const cell = back[i]?.[3] ?? { text: '' }
          expect(DANGEROUS.test(cell.text)).toBe(false)
          const noteField = columns[2]?.field
          if (!noteField) throw new Error('note column missing')
          expect(parseCell(noteField, cell, noNames)).toEqual({ value: note })
        })
      }),
      { numRuns: 30 },
    )
  })

  it('ID numbers are written as text and read back digit for digit, X included', async () => {
    const idField = columns[1]?.field
    if (!idField) throw new Error('id column missing')
    await fc.assert(
      fc.asyncProperty(fc.array(idCard, { minLength: 1, maxLength: 25 }), async (ids) => {
        const back = await roundTrip(
          ids.map((id_card, i) => ({ name: `人${i}`, id_card, note: '' })),
        )
        ids.forEach((id, i) => {
          const cell = back[i]?.[2] ?? { text: '' }
          expect(cell.number).toBeUndefined()
          expect(parseCell(idField, cell, noNames)).toEqual({ value: id })
        })
      }),
      { numRuns: 30 },
    )
  })

  it('an ID number Excel stored as a number is always flagged, never accepted', () => {
    const idField = columns[1]?.field
    if (!idField) throw new Error('id column missing')
    fc.assert(
      fc.property(idCard, (id) => {
        const n = Number(id.replace('X', '0'))
        const asNumber = parseCell(idField, { text: String(n), number: n }, noNames)
        expect(asNumber).toHaveProperty('issue')
        const sci = parseCell(idField, { text: n.toExponential(5).toUpperCase() }, noNames)
        expect(sci).toHaveProperty('issue')
      }),
    )
  })
})
