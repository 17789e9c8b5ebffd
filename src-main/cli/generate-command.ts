// `lianjian generate <kind> …`: one document from the registers, through the 生成 dialog's
// channel. A template given with --template is checked first; its problems are printed and the
// exit code is 1.
import { existsSync, readFileSync } from 'node:fs'
import { basename, dirname, resolve } from 'node:path'
import { DOC_KINDS, isDocKind, KINDS } from '../shared/documents/doc-kinds'
import { AppError } from '../shared/result'
import { type Call } from './call'

export const GENERATE_USAGE = `  generate <${DOC_KINDS.join('|')}>
           [--meeting 会议编号] [--talent 能人编号] [--year 年（默认今年） [--quarter 季度（默认全年）]]
           [--search 关键词] [--template 模板.docx] [--out 文件.docx] [--unmasked]
           [--doc-number 发文字号]
                  生成文档（默认保存到数据文件夹的「文档」里，同名时自动加（2）；
                  --doc-number 用于通知和工作报告的版头，如 锦华党〔2026〕3号）`

export interface GenerateOptions {
  meeting?: string
  talent?: string
  year?: string
  quarter?: string
  search?: string
  template?: string
  out?: string
  unmasked?: boolean
  'doc-number'?: string
}

const num = (v: string | undefined) => (v === undefined ? undefined : Number(v))

export async function generateCommand(
  call: Call,
  kind: string | undefined,
  o: GenerateOptions,
  io: { out(line: string): void; err(line: string): void },
  cwd = process.cwd(),
): Promise<number> {
  if (!isDocKind(kind)) {
    io.err(`请指定文档类型：${DOC_KINDS.map((k) => `${k}（${KINDS[k].label}）`).join('、')}`)
    return 2
  }
  // A report without --year is this year's; without --quarter, the whole year.
  const year = num(o.year) ?? (kind === 'report' ? new Date().getFullYear() : undefined)
  if (kind === 'report' && o.year === undefined)
    io.out(`未指定 --year，按 ${year} 年${o.quarter ? `第 ${o.quarter} 季度` : '全年'}生成`)
  let templateFile: { fileName: string; base64: string } | undefined
  if (o.template) {
    const file = resolve(cwd, o.template)
    if (!existsSync(file)) {
      io.err(`找不到模板文件：${file}`)
      return 1
    }
    templateFile = { fileName: basename(file), base64: readFileSync(file).toString('base64') }
  }
  const outPath = o.out ? resolve(cwd, o.out) : undefined
  try {
    // The same channel as the 生成 dialog: the gate, the contract's checks, the audit entry.
    const r = await call('documents:generate', {
      kind,
      meetingId: num(o.meeting),
      talentId: num(o.talent),
      year,
      quarter: num(o.quarter),
      register: KINDS[kind].subject === 'register' ? { search: o.search ?? '' } : undefined,
      masked: !o.unmasked,
      docNumber: o['doc-number'] ?? '',
      folder: outPath && dirname(outPath),
      fileName: outPath && basename(outPath),
      templateFile,
    })
    io.out(`已生成${KINDS[kind].label}：${r.path}`)
    if (outPath && resolve(r.path) !== outPath)
      io.out(`（${basename(outPath)} 已存在，没有覆盖，另存为 ${r.fileName}）`)
    if (!r.masked) io.out('注意：本文档未脱敏，含完整的电话和身份证号，已记入操作记录。')
    return 0
  } catch (e) {
    // A template's problems, one per line; any other error is told by runCli like every command's.
    if (!(e instanceof AppError) || !e.details?.length) throw e
    io.err(
      `${o.template ? `模板「${basename(o.template)}」` : '模板'}有 ${e.details.length} 处问题：`,
    )
    for (const d of e.details) io.err(`  - ${d.message}`)
    return 1
  }
}
