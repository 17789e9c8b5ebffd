// `lianjian street …`: the street office's side on the command line — import what communities
// hand in, see who has submitted this 报送期, and export the merged talent pool.
import { basename, resolve } from 'node:path'
import { fileError, writeAtomic } from '../backend/files/atomic-write'
import type { Invoke } from '../backend/dispatch'
import { AppError } from '../shared/result'
import { caller } from './call'
import { stage } from './exchange-commands'

export const STREET_USAGE = `  street import 文件.xlsx|.zip … [--community 社区名称]
                  街道：导入社区报送的花名册或数据包（同一文件不会重复导入；社区再次报送时替换上一次）
  street status [--json]
                  街道：各社区最近一次报送、人数和本报送期未报送的社区
  street export --out 文件.xlsx [--unmasked]
                  街道：导出合并人才库（带「社区」列，默认脱敏）`

export interface StreetOpts {
  community?: string
  json?: boolean
  out?: string
  form?: string
  unmasked?: boolean
}

export async function streetCommand(
  invoke: Invoke,
  args: string[],
  opts: StreetOpts,
  out: (line: string) => void,
): Promise<number> {
  const call = caller(invoke)
  const [sub, ...files] = args
  if (sub === 'import') {
    if (files.length === 0)
      throw new AppError(
        'VALIDATION',
        '请给出要导入的文件，例如：lianjian street import 锦华社区.xlsx',
      )
    let failed = 0
    for (const file of files) {
      const uploadId = await stage(call, file)
      try {
        const r = await call('street:import', {
          fileName: basename(file),
          uploadId,
          ...(opts.community ? { community: opts.community } : {}),
        })
        out(`${basename(file)}：${r.message}`)
      } catch (e) {
        failed++
        out(`${basename(file)}：未导入。${e instanceof Error ? e.message : String(e)}`)
      } finally {
        await call('safety:discard-upload', { uploadId })
      }
    }
    return failed ? 1 : 0
  }
  if (sub === 'status') {
    const s = await call('street:status', {})
    if (opts.json) {
      out(JSON.stringify(s, null, 2))
      return 0
    }
    out(`报送期：${s.period || '（未设置，可在「社区信息」中填写）'}，合并人才库共 ${s.people} 人`)
    for (const c of s.communities) {
      const last = c.last
        ? `${c.last.imported_at} 报送 ${c.last.row_count} 人（${c.last.period || '未注明报送期'}，${c.last.file_name}）`
        : '从未报送'
      out(`  ${c.name}${c.submitted ? '' : '【本期未报送】'}  ${last}`)
    }
    out(s.missing.length ? `本期未报送：${s.missing.join('、')}` : '各社区本期都已报送。')
    return 0
  }
  if (sub === 'export') {
    if (opts.form)
      throw new AppError(
        'VALIDATION',
        '暂不支持按街道自己的表格（--form）导出：这一功能还没有完成。请先不加 --form，导出联建通的合并花名册',
      )
    if (!opts.out)
      throw new AppError('VALIDATION', '请用 --out 指定导出的文件，例如 --out 合并人才库.xlsx')
    const file = await call('street:export', { masked: !opts.unmasked })
    try {
      writeAtomic(resolve(opts.out), Buffer.from(file.base64, 'base64'))
    } catch (e) {
      throw fileError(e, resolve(opts.out), '导出的文件')
    }
    out(
      `已导出合并人才库 ${file.count} 人到 ${opts.out}${opts.unmasked ? '（未脱敏，已记入操作记录）' : '（电话、身份证号已脱敏）'}`,
    )
    return 0
  }
  throw new AppError(
    'VALIDATION',
    `请写明要做什么：lianjian street import | status | export\n${STREET_USAGE}`,
  )
}
