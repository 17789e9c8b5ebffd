// Rows under a ledger's header that are not records: blank rows, our template's explanation
// row and example person, and the lines people write under a table (填表人：… 填表日期：…,
// 制表人, 审核人, 备注：…, 合计). They are left out and listed, never counted as data.
import type { Cell } from './sheet-reader'

/** Marks the example row in our import templates; blank-import-sheet.ts writes it in 备注. */
export const EXAMPLE_NOTE = '示例行，导入时自动跳过，可删除'

// A label and a colon at the start of a cell: 填表人：张三, 填表日期:2026年11月, 备注：…
const FOOTER_LABEL =
  /^(填表人|填报人|制表人|审核人|审核|负责人|经办人|联系人|联系电话|填表日期|填报日期|制表日期|统计日期|日期|单位盖章|盖章|备注|说明|注|合计|总计|小计)\s*[:：]?/
const LABELLED = /^[\u4e00-\u9fa5（）()]{1,8}\s*[:：]/

/**
 * Why a row is not a record, or null when it is one. `columnOf` gives the sheet column of a
 * field; `example` is our template's example row for this register.
 */
export function ignoredReason(
  cells: Cell[],
  columnOf: (key: string) => number | undefined,
  example: Record<string, string>,
): string | null {
  const filled = cells.map((c) => c.text.trim()).filter((t) => t !== '')
  if (filled.length === 0) return '空行'
  if (filled.every((t) => /^(必填|选填)/.test(t))) return '导入模板的填写说明'
  const text = (key: string) => {
    const i = columnOf(key)
    return i === undefined ? '' : (cells[i]?.text.trim() ?? '')
  }
  // Marked in 备注; a template from before the mark is known by the row being the example
  // exactly, in every column it fills (a real person sharing a name and phone differs somewhere).
  const compared = Object.entries(example).filter(([k]) => columnOf(k) !== undefined)
  if (
    text('note').startsWith('示例') ||
    (compared.length >= 5 && compared.every(([k, v]) => text(k) === v))
  )
    return '导入模板的示例行'
  // Every filled cell is 「标签：…」 and one of them is a footer label (填表人：…, 合计 …).
  if (
    filled.every((t) => LABELLED.test(t) || FOOTER_LABEL.test(t)) &&
    filled.some((t) => FOOTER_LABEL.test(t))
  )
    return `表格下方的说明「${filled.join(' ').slice(0, 30)}」`
  return null
}
