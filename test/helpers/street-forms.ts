// Street offices' own .xlsx forms, built the way they make them (merged title, 填报单位 / 日期
// line, two-row header with merged group cells, a hidden column, a notes block, print titles,
// fonts and borders), for the form-filling tests and the evidence renders.
import ExcelJS from 'exceljs'

const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
}

async function save(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer())
}

/**
 * 青云街道's 人才信息统计表: title A1:K1, 填报 line, header rows 3–4 (基本信息 over 姓名 性别 年龄
 * 政治面貌; 联系方式 over 手机 固定电话), hidden 身份证号码 column J, three bordered data rows
 * (5–7), a blank row, notes merged A9:K9 and a 填报人 line at row 10.
 */
export async function streetTalentForm(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('人才统计')
  const widths = [6, 10, 6, 6, 12, 15, 14, 12, 20, 22, 8]
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w))
  ws.getColumn(10).hidden = true
  ws.mergeCells('A1:K1')
  const title = ws.getCell('A1')
  title.value = '青云街道社区治理人才信息统计表'
  title.font = { name: '方正小标宋简体', size: 18, bold: true }
  title.alignment = { horizontal: 'center', vertical: 'middle' }
  ws.getRow(1).height = 36
  ws.mergeCells('A2:F2')
  ws.getCell('A2').value = '填报单位（盖章）：'
  ws.mergeCells('G2:K2')
  ws.getCell('G2').value = '填报日期：2026年3月31日'
  ws.getCell('G2').alignment = { horizontal: 'right' }
  const head = (ref: string, text: string) => {
    const c = ws.getCell(ref)
    c.value = text
    c.font = { name: '黑体', size: 11 }
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true }
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } }
  }
  for (const [range, text] of [
    ['A3:A4', '序号'],
    ['B3:E3', '基本信息'],
    ['F3:G3', '联系方式'],
    ['H3:H4', '所在社区'],
    ['I3:I4', '专业特长（必填）'],
    ['J3:J4', '身份证号码'],
    ['K3:K4', '是否党员'],
  ] as const) {
    ws.mergeCells(range)
    head(range.split(':')[0] ?? 'A3', text)
  }
  ;['姓名', '性别', '年龄', '政治面貌'].forEach((t, i) => head(`${'BCDE'[i]}4`, t))
  head('F4', '手机')
  head('G4', '固定电话')
  for (let r = 3; r <= 7; r++) for (let c = 1; c <= 11; c++) ws.getCell(r, c).border = THIN
  ws.getRow(3).height = 22
  ws.getRow(4).height = 22
  for (let r = 5; r <= 7; r++) {
    ws.getRow(r).height = 20
    for (let c = 1; c <= 11; c++) {
      const cell = ws.getCell(r, c)
      cell.font = { name: '仿宋', size: 11 }
      cell.alignment = { vertical: 'middle', horizontal: c === 1 ? 'center' : 'left' }
    }
    ws.getCell(r, 3).dataValidation = {
      type: 'list',
      allowBlank: true,
      formulae: ['"男,女"'],
      showErrorMessage: true,
    }
    ws.getCell(r, 6).numFmt = '@'
    ws.getCell(r, 10).numFmt = '@'
  }
  ws.mergeCells('A9:K9')
  ws.getCell('A9').value =
    '注：1. 年龄按填报日期计算；2. 联系方式至少填写一项；3. 请于4月5日前报送街道党建办。'
  ws.getCell('A9').font = { name: '宋体', size: 10, italic: true }
  ws.getCell('A9').alignment = { wrapText: true, vertical: 'top' }
  ws.getRow(9).height = 30
  ws.getCell('A10').value = '填报人：'
  ws.getCell('G10').value = '审核人：'
  ws.pageSetup = {
    ...ws.pageSetup,
    orientation: 'landscape',
    paperSize: 9,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: '3:4',
    printArea: 'A1:K10',
    horizontalCentered: true,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  }
  return save(wb)
}

/**
 * A form as WPS saves it: one header row with full-width digits and spaces (「序 号」 with an ideographic space,
 * 「手机号码（１１位）」), 出生年月 in a 年月 number format, a 截止日期 cell with a date value
 * next to it, five styled rows and no notes.
 */
export async function wpsStyleForm(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('Sheet1')
  ws.getCell('A1').value = '社区能人名单'
  ws.getCell('A1').font = { name: '宋体', size: 14, bold: true }
  ws.getCell('A2').value = '截止日期'
  ws.getCell('B2').value = new Date(Date.UTC(2025, 11, 31))
  ws.getCell('B2').numFmt = 'yyyy-mm-dd'
  const labels = [
    '序\u3000号',
    '姓\u3000名',
    '出生年月',
    '手机号码（１１位）',
    '人才类别',
    '所属网格',
    '年龄（岁）',
  ]
  labels.forEach((t, i) => {
    const c = ws.getCell(3, i + 1)
    c.value = t
    c.font = { name: '宋体', size: 11, bold: true }
    c.border = THIN
  })
  for (let r = 4; r <= 8; r++)
    for (let c = 1; c <= labels.length; c++) {
      const cell = ws.getCell(r, c)
      cell.border = THIN
      cell.font = { name: '宋体', size: 11 }
      if (c === 3) cell.numFmt = 'yyyy"年"m"月"'
    }
  ws.columns.forEach((col) => (col.width = 13))
  return save(wb)
}

/** A sheet with a title and free text but nothing that reads as a header row. */
export async function noHeaderForm(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('说明')
  ws.getCell('A1').value = '关于报送社区人才信息的通知'
  ws.getCell('A3').value = '各社区：请于月底前报送。'
  return save(wb)
}

/**
 * 共建单位 报到统计: the form computes 报到率 by formula in each of its three rows and sums
 * the counts in a 合计 row under the table.
 */
export async function formulaUnitsForm(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('报到统计')
  ws.mergeCells('A1:C1')
  ws.getCell('A1').value = '在职党员报到情况统计表'
  ws.mergeCells('D1:E1')
  ws.getCell('D1').value = '填报日期：    年  月  日'
  ;['序号', '单位名称', '党员人数', '在职党员报到人数', '报到率'].forEach((t, i) => {
    ws.getCell(2, i + 1).value = t
    ws.getCell(2, i + 1).border = THIN
  })
  for (let r = 3; r <= 5; r++) {
    for (let c = 1; c <= 5; c++) ws.getCell(r, c).border = THIN
    ws.getCell(r, 5).value = { formula: `IF(C${r}=0,"",D${r}/C${r})` }
    ws.getCell(r, 5).numFmt = '0%'
  }
  ws.getCell('A6').value = '合计'
  ws.getCell('C6').value = { formula: 'SUM(C3:C5)' }
  ws.getCell('D6').value = { formula: 'SUM(D3:D5)' }
  ws.getCell('E6').value = { formula: 'IF(C6=0,"",D6/C6)' }
  return save(wb)
}
