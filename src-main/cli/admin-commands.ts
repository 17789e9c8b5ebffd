// `lianjian settings [set key=value …]` and `lianjian grids [add 名称 …]`: what the 社区信息 and
// 网格管理 pages do, through the same channels (and so the same checks and Chinese messages).
import type { Output } from '../shared/contract'
import { AppError } from '../shared/result'
import { SETTINGS_LABELS, SettingsInput } from '../shared/schemas/settings.schema'
import type { Invoke } from '../backend/dispatch'
import { maskPhone } from '../shared/mask'
import { caller, type Call } from './call'

const KEYS = Object.keys(SETTINGS_LABELS) as (keyof typeof SETTINGS_LABELS)[]
const keyList = () => KEYS.map((k) => `${k}（${SETTINGS_LABELS[k]}）`).join('、')

function printSettings(s: Output<'settings:get'>, out: (line: string) => void): void {
  if (!s.configured) out('还没有填写社区信息。用 lianjian settings set 键=值 … 填写，例如：')
  if (!s.configured)
    out(
      '  lianjian settings set community_name=锦华社区 street_name=青云街道 party_org_name=中共锦华社区委员会',
    )
  for (const k of KEYS) out(`${k}（${SETTINGS_LABELS[k]}）：${s[k] || '（未填）'}`)
}

/** Reads `key=value` pairs; a value may contain = and spaces (quote it in the shell). */
function parsePairs(pairs: string[]): Record<string, string> {
  if (pairs.length === 0)
    throw new AppError(
      'VALIDATION',
      `请给出要修改的项，例如 settings set community_name=锦华社区。可用的键：${keyList()}`,
    )
  const out: Record<string, string> = {}
  for (const pair of pairs) {
    const i = pair.indexOf('=')
    const key = i > 0 ? pair.slice(0, i).trim() : ''
    if (!key)
      throw new AppError('VALIDATION', `「${pair}」应写成 键=值，例如 community_name=锦华社区`)
    if (!(KEYS as string[]).includes(key))
      throw new AppError('VALIDATION', `没有「${key}」这一项。可用的键：${keyList()}`)
    out[key] = pair.slice(i + 1)
  }
  return out
}

export async function settingsCommand(
  invoke: Invoke,
  args: string[],
  opts: { json?: boolean },
  out: (line: string) => void,
): Promise<number> {
  const call = caller(invoke)
  const [sub, ...pairs] = args
  const current = await call('settings:get', {})
  if (sub === undefined) {
    if (opts.json) out(JSON.stringify(current, null, 2))
    else printSettings(current, out)
    return 0
  }
  if (sub !== 'set')
    throw new AppError(
      'VALIDATION',
      `settings 后只能跟 set，例如 settings set community_name=锦华社区`,
    )
  const changes = parsePairs(pairs)
  const merged: Record<string, string> = {}
  for (const k of KEYS) merged[k] = changes[k] ?? current[k]
  // The same schema the 社区信息 page saves with; its Chinese message names the field.
  const checked = SettingsInput.safeParse(merged)
  if (!checked.success) {
    const first = checked.error.issues[0]
    const key = String(first?.path[0] ?? '')
    throw new AppError(
      'VALIDATION',
      `${first?.message ?? '社区信息有误'}${key ? `（键 ${key}）` : ''}${current.configured ? '' : '。第一次填写时请同时给出 community_name、street_name、party_org_name'}`,
    )
  }
  const saved = await call('settings:save', checked.data)
  if (opts.json) out(JSON.stringify(saved, null, 2))
  else {
    out(
      `已保存社区信息（${Object.keys(changes)
        .map((k) => SETTINGS_LABELS[k as keyof typeof SETTINGS_LABELS])
        .join('、')}）：`,
    )
    printSettings(saved, out)
  }
  return 0
}

export async function gridsCommand(
  invoke: Invoke,
  args: string[],
  opts: { json?: boolean; unmasked?: boolean; 'move-to'?: string },
  out: (line: string) => void,
): Promise<number> {
  const call = caller(invoke)
  const [sub, ...names] = args
  if (sub === 'add') {
    if (names.length === 0)
      throw new AppError('VALIDATION', '请给出网格名称，例如 grids add 第一网格（可一次给出多个）')
    const created = []
    for (const name of names) created.push(await call('grids:create', { name }))
    if (opts.json) out(JSON.stringify(created, null, 2))
    else out(`已新增网格：${created.map((g) => g.name).join('、')}`)
    return 0
  }
  if (sub === 'delete') return gridsDelete(call, names, opts, out)
  if (sub !== undefined)
    throw new AppError(
      'VALIDATION',
      'grids 后只能跟 add 或 delete，例如 grids add 第一网格；不跟则列出全部网格',
    )
  const all = await call('grids:list', {})
  // 网格长 phones are masked like every phone the CLI prints, unless --unmasked.
  const grids = opts.unmasked
    ? all
    : all.map((g) => ({ ...g, phone: g.phone && maskPhone(g.phone) }))
  if (opts.json) {
    out(JSON.stringify(grids, null, 2))
    return 0
  }
  if (grids.length === 0) {
    out('还没有网格。用 lianjian grids add 网格名称 新增。')
    return 0
  }
  out(`网格：共 ${grids.length} 个`)
  out(['序号', '网格名称', '网格编号', '网格长', '联系电话'].join('\t'))
  grids.forEach((g, i) => out([String(i + 1), g.name, g.code, g.leader, g.phone].join('\t')))
  return 0
}

/** `grids delete 名称 [--move-to 名称]`: as the 网格管理 page, records move in the same step. */
async function gridsDelete(
  call: Call,
  names: string[],
  opts: { 'move-to'?: string },
  out: (line: string) => void,
): Promise<number> {
  const [name] = names
  if (!name || names.length > 1)
    throw new AppError('VALIDATION', '请给出一个要删除的网格名称，例如 grids delete 第一网格')
  const grids = await call('grids:list', {})
  const byName = (n: string, what: string) => {
    const g = grids.find((x) => x.name === n)
    if (!g)
      throw new AppError(
        'NOT_FOUND',
        `没有名为「${n}」的${what}。已有网格：${grids.map((x) => x.name).join('、') || '（无）'}`,
      )
    return g
  }
  const grid = byName(name, '网格')
  const moveTo =
    opts['move-to'] === undefined ? undefined : byName(opts['move-to'], '网格（--move-to）')
  const usage = await call('grids:usage', { id: grid.id })
  if (usage.total + usage.trash > 0 && !moveTo) {
    const who = usage.counts.filter((c) => c.count > 0).map((c) => `${c.label} ${c.count}`)
    throw new AppError(
      'CONFLICT',
      `「${name}」里还有${who.join('、') || '回收站里的记录'}。请用 --move-to 网格名称 指定把他们移到哪个网格`,
    )
  }
  const r = await call(
    'grids:delete',
    moveTo ? { id: grid.id, moveTo: moveTo.id } : { id: grid.id },
  )
  out(
    r.moved && moveTo
      ? `已把 ${r.moved} 条记录移到「${moveTo.name}」，并删除了网格「${name}」`
      : `已删除网格「${name}」`,
  )
  return 0
}
