// Messy ledgers built the way communities really keep them, for import tests.
import ExcelJS from 'exceljs'

export async function messyTalentsXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('Sheet1')
  ws.mergeCells('A1:J1')
  ws.getCell('A1').value = '锦华社区能人台账（2025年）'
  ws.mergeCells('A2:J2')
  ws.getCell('A2').value = '填报人：张秀兰    2025年12月'
  ws.addRow([])
  ws.addRow([
    '序号',
    '名字',
    '性别',
    '手机号码',
    '公民身份号码',
    '出生日期',
    '政治面貌',
    '特长',
    '网格',
    '备注',
  ])
  ws.addRow([
    1,
    '李志红',
    '女',
    13812345678,
    '11010519491231002X',
    '1949.12',
    '党员',
    '合同纠纷、家电维修',
    '第一网格',
    '=1+1',
  ])
  ws.addRow([
    2,
    '王建国',
    '男',
    '１３９８７６５４３２１',
    '',
    '1965年3月',
    '群众',
    '理发',
    '第一网格',
    '',
  ])
  ws.addRow([])
  ws.addRow([3, '张 伟', '男', '1381234', '', '1970-05-06', '群众', '', '', '电话位数不够'])
  ws.addRow([
    4,
    '赵敏',
    '女',
    '13911112222',
    110105194912310000,
    '',
    '群众',
    '',
    '',
    '身份证被 Excel 转成数字',
  ])
  ws.addRow([5, '钱多多', '女', '13911113333', '4.40981E+17', '', '群众', '', '', '科学计数法'])
  ws.addRow([
    6,
    '李志红',
    '女',
    '13812345678',
    '11010519491231002X',
    '1949-12',
    '中共党员',
    '',
    '',
    '与第一行重复',
  ])
  ws.addRow([
    7,
    '孙丽',
    '女',
    '13911114444',
    '',
    23814,
    '共青团员',
    '',
    '不存在的网格',
    'Excel 日期序号',
  ])
  ws.addRow([8, '周强', '男', '13911115555', '11010519491231002', '', '群众', '', '', '17 位'])
  const buf = await wb.xlsx.writeBuffer()
  return Buffer.from(buf as ArrayBuffer)
}

export function gbkCsv(text: string): Buffer {
  // Node's TextDecoder reads GB18030 but there is no encoder, so encode the few characters we use.
  const table: Record<string, number[]> = {}
  const decoder = new TextDecoder('gb18030')
  for (let hi = 0x81; hi <= 0xfe; hi++) {
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      if (lo === 0x7f) continue
      const ch = decoder.decode(Uint8Array.from([hi, lo]))
      if (ch.length === 1 && !(ch in table)) table[ch] = [hi, lo]
    }
  }
  const bytes: number[] = []
  for (const ch of text) {
    const code = ch.charCodeAt(0)
    if (code < 0x80) bytes.push(code)
    else {
      const gbk = table[ch]
      if (!gbk) throw new Error(`no GBK code for ${ch}`)
      bytes.push(...gbk)
    }
  }
  return Buffer.from(bytes)
}

/**
 * A talent ledger as people make one: a title row, 所在网格 with 「第一网格」 / 「第二网格」 (the
 * grids are 「第一网格（锦华苑）」 …), full-width and dashed phones, grids that do not exist yet
 * (第六网格 only on a row with a bad phone), our template's example person, and a footer.
 */
export async function realLedgerXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('能人台账')
  ws.mergeCells('A1:H1')
  ws.getCell('A1').value = '锦华社区治理人才台账'
  ws.addRow(['序号', '姓名', '性别', '联系电话', '身份证号码', '所在网格', '特长', '备注'])
  ws.addRow([1, '陈玉梅', '女', '１３９０８７１１２０５', '', '第一网格', '急救培训，心理疏导', ''])
  ws.addRow([2, '丁建华', '男', '139-0871-1206', '', '第二网格', '理发', ''])
  ws.addRow([3, '万里', '男', '139 0871 1207', '', '第五网格', '', ''])
  ws.addRow([4, '严明', '男', '1390871', '', '第六网格', '', '电话少了几位'])
  // The example person from our own template, with its 备注 mark.
  ws.addRow([
    '',
    '李志红',
    '',
    '13812345678',
    '11010519491231002X',
    '第一网格',
    '合同纠纷、婚姻家庭',
    '示例行，导入时自动跳过，可删除',
  ])
  ws.addRow([])
  ws.addRow(['填表人：张三', '', '', '填表日期：2026年11月'])
  ws.addRow(['审核人：李四'])
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer)
}
