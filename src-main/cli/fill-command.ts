// `lianjian fill <登记簿> <form.xlsx> --out F.xlsx`: fills a street office's own form with the
// same channels as the 填报上级表格 dialog, prints the column mapping it used, and stops with
// the list of columns it cannot map (a mapping saved in the app may mark them 留空).
import { basename, resolve } from 'node:path'
import { fileError, writeAtomic } from '../backend/files/atomic-write'
import type { Invoke } from '../backend/dispatch'
import { isRegisterKey, SHEET_REGISTER_KEYS } from '../shared/registers/register-keys'
import { AppError } from '../shared/result'
import { caller } from './call'
import { stage } from './exchange-commands'

export const FILL_USAGE = `  fill <登记簿> 上级表格.xlsx --out 填好的.xlsx [--search 关键词] [--unmasked]
                  按上级（街道）发来的表格填写：打印每列对应的字段；有认不出的列时列出并退出
                  （在程序的「填报上级表格」里把它设为「留空」并保存后即可）`

export interface FillOpts {
  out?: string
  search?: string
  unmasked?: boolean
}

export async function fillCommand(
  invoke: Invoke,
  register: string | undefined,
  form: string | undefined,
  opts: FillOpts,
  out: (line: string) => void,
  err: (line: string) => void,
): Promise<number> {
  const call = caller(invoke)
  if (!isRegisterKey(register))
    throw new AppError('VALIDATION', `请指定登记簿：${SHEET_REGISTER_KEYS.join(' | ')}`)
  if (!form) throw new AppError('VALIDATION', '请指定上级发来的 .xlsx 表格')
  if (!opts.out)
    throw new AppError('VALIDATION', '请用 --out 指定填好的文件，例如 --out 已填写.xlsx')
  const uploadId = await stage(call, form)
  try {
    const base = {
      register,
      fileName: basename(form),
      uploadId,
      search: opts.search ?? '',
      masked: !opts.unmasked,
    }
    const info = await call('forms:inspect', base)
    const label = (t: string) => info.choices.find((c) => c.value === t)?.label ?? t
    out(
      `表格：${basename(form)}（工作表「${info.sheetName}」，表头第 ${info.headerRows.top}${info.headerRows.bottom > info.headerRows.top ? `–${info.headerRows.bottom}` : ''} 行，数据从第 ${info.firstDataRow} 行起）`,
    )
    if (info.formDate) out(`年龄按表中日期 ${info.formDate} 计算`)
    out(info.saved ? '列对应（按上次保存的对应关系）：' : '列对应：')
    for (const c of info.columns)
      out(
        `  ${c.letter} ${c.label}${c.hidden ? '（隐藏列）' : ''} → ${c.confidence === 'formula' ? '保留表内公式' : c.target ? label(c.target) : '？'}`,
      )
    const open = info.columns.filter((c) => c.target === '')
    if (open.length) {
      err(
        `有 ${open.length} 列认不出该填什么：${open.map((c) => `${c.letter} 列「${c.label}」`).join('、')}`,
      )
      err('请在程序的「填报上级表格」中为这些列选择字段或「留空」并生成一次，之后命令行会沿用')
      return 1
    }
    const file = await call('forms:fill', base)
    try {
      writeAtomic(resolve(opts.out), Buffer.from(file.base64, 'base64'))
    } catch (e) {
      throw fileError(e, resolve(opts.out), '填好的表格')
    }
    out(
      `已填写 ${file.count} 条到 ${opts.out}${opts.unmasked ? '（未脱敏，已记入操作记录）' : '（电话、身份证号已脱敏）'}`,
    )
    return 0
  } finally {
    await call('safety:discard-upload', { uploadId })
  }
}
