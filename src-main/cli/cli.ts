// `lianjian` commands. Each takes --data-dir DIR; output is Chinese, --json where useful.
import { parseArgs } from 'node:util'
import { startBackend } from '../backend/app/boot'
import { resolveDataDir } from '../backend/app/data-dir'
import { setQuietLog } from '../backend/log'
import { AppError } from '../shared/result'
import { gridsCommand, settingsCommand } from './admin-commands'
import { caller } from './call'
import { exportCommand, importCommand } from './exchange-commands'
import { fillCommand, FILL_USAGE } from './fill-command'
import { generateCommand, GENERATE_USAGE } from './generate-command'
import { listCommand } from './list-command'
import { exportMatters } from './matters-commands'
import { streetCommand, STREET_USAGE } from './street-commands'
import {
  backupCommand,
  backupsCommand,
  checkCommand,
  damagedAdvice,
  packageCommand,
  restoreCommand,
} from './safety-commands'

const SAFETY_COMMANDS = ['backup', 'backups', 'restore', 'package']

export interface CliIo {
  out(line: string): void
  err(line: string): void
  env: NodeJS.ProcessEnv
}

const USAGE = `用法：lianjian <命令> [--data-dir 数据文件夹]

命令：
  info [--json]   显示数据文件夹、数据库路径、数据版本和各表记录数
  check [--json]  检查数据状态与完整性（quick_check / integrity_check / 外键）、备份文件夹和最近的备份
  backup [--json] 立即备份（校验通过才算完成）
  backups [--json]
                  列出所有备份
  restore <备份文件> [--yes]
                  用备份替换当前数据（先显示备份内容；加 --yes 才执行，执行前自动备份当前数据）
  package export --out 文件.zip
                  导出数据包（数据库、模板和清单），用于搬到另一台电脑
  package import 文件.zip [--yes]
                  导入数据包（先显示其内容；加 --yes 才执行，执行前自动备份当前数据）
  demo            向空数据库写入一个虚构社区的演示数据
  settings [--json]
                  显示社区信息（社区名称、所属街道、社区党组织名称……）
  settings set 键=值 …
                  修改社区信息，例如 settings set community_name=锦华社区 street_name=青云街道
                  （键见 settings --json；与「社区信息」页同样校验）
  grids [--json] [--unmasked]
                  列出网格（网格长电话默认脱敏）
  grids add 网格名称 …
                  新增网格（可一次给出多个）
  grids delete 网格名称 [--move-to 网格名称]
                  删除网格；网格里有人时须用 --move-to 指定移到哪个网格（一起完成，记入修改记录）
  list <talents|units|committee|households|meetings|matters|reported_members> [--search 关键词] [--json] [--unmasked]
                  列出登记簿（电话、身份证号默认脱敏）
  list matters [--status 待派单|已派单|已接单|办理中|已反馈|已结项|已评价|已取消|已合并] [--overdue]
                  列出民情事项：按状态，或只列逾期未办结的（最早到期的在前）
  export matters --out 文件.xlsx [--status 状态] [--overdue] [--search 关键词] [--unmasked]
                  导出民情事项办理台账（默认脱敏）
  export <登记簿> --out 文件.xlsx [--preset 方案名 | --columns 姓名,联系电话,… | --all-columns]
                  [--search 关键词] [--unmasked]
                  导出 Excel（默认脱敏；人才库默认为报送街道的列；--columns 按给出的顺序导出这些列）
  import <登记簿> 文件.xlsx|.csv [--dry-run] [--on-duplicate skip|update] [--create-grids]
                  导入旧台账：先打印逐行检查报告，再导入没有问题的行；
                  --create-grids 新增表中用到、但还没有的网格（只取会导入的行）
${FILL_USAGE}
${GENERATE_USAGE}
${STREET_USAGE}

数据文件夹默认为系统的应用数据目录，也可用环境变量 LIANJIAN_DATA_DIR 指定。`

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    io.out(USAGE)
    return command ? 0 : 1
  }
  let values: {
    json?: boolean
    'data-dir'?: string
    search?: string
    unmasked?: boolean
    out?: string
    preset?: string
    'dry-run'?: boolean
    'on-duplicate'?: string
    meeting?: string
    talent?: string
    year?: string
    quarter?: string
    'doc-number'?: string
    template?: string
    yes?: boolean
    columns?: string
    'all-columns'?: boolean
    'create-grids'?: boolean
    'move-to'?: string
    status?: string
    overdue?: boolean
    community?: string
    form?: string
  }
  let positionals: string[] = []
  try {
    const parsed = parseArgs({
      args: rest,
      options: {
        json: { type: 'boolean' },
        'data-dir': { type: 'string' },
        search: { type: 'string' },
        unmasked: { type: 'boolean' },
        out: { type: 'string' },
        preset: { type: 'string' },
        'dry-run': { type: 'boolean' },
        'on-duplicate': { type: 'string' },
        meeting: { type: 'string' },
        talent: { type: 'string' },
        year: { type: 'string' },
        quarter: { type: 'string' },
        'doc-number': { type: 'string' },
        template: { type: 'string' },
        yes: { type: 'boolean' },
        columns: { type: 'string' },
        'all-columns': { type: 'boolean' },
        'create-grids': { type: 'boolean' },
        'move-to': { type: 'string' },
        status: { type: 'string' },
        overdue: { type: 'boolean' },
        community: { type: 'string' },
        form: { type: 'string' },
      },
      allowPositionals: [
        'list',
        'export',
        'import',
        'fill',
        'generate',
        'restore',
        'package',
        'settings',
        'grids',
        'street',
      ].includes(command),
    })
    positionals = parsed.positionals
    values = parsed.values
  } catch (e) {
    io.err(`参数有误：${e instanceof Error ? e.message : String(e)}\n\n${USAGE}`)
    return 2
  }
  const known = [
    'info',
    'check',
    'demo',
    'list',
    'export',
    'import',
    'fill',
    'generate',
    'settings',
    'grids',
    'street',
  ]
  if (![...known, ...SAFETY_COMMANDS].includes(command)) {
    io.err(`未知命令：${command}\n\n${USAGE}`)
    return 2
  }
  setQuietLog(true)
  const dataDir = resolveDataDir(
    values['data-dir'] ? ['--data-dir', values['data-dir']] : [],
    io.env,
  )
  let backend
  try {
    backend = startBackend(dataDir, 'cli')
    await backend.ready
  } catch (e) {
    io.err(
      e instanceof AppError
        ? e.message
        : `无法打开数据：${e instanceof Error ? e.message : String(e)}`,
    )
    return 1
  }
  const call = caller(backend.invoke)
  try {
    // Commands that safe mode allows (to list backups and restore one) still say why it is on.
    if (
      command === 'backups' ||
      command === 'restore' ||
      (command === 'package' && positionals[0] === 'import')
    ) {
      const status = await call('safety:status', {})
      if (status.mode === 'damaged' && status.message) io.err(`注意：${status.message}`)
    }
    if (command === 'info') {
      const info = await call('app:info', {})
      if (values.json) io.out(JSON.stringify(info, null, 2))
      else {
        io.out(`联建通 ${info.appVersion}`)
        io.out(`数据文件夹：${info.dataDir}`)
        io.out(`数据库文件：${info.databasePath}`)
        io.out(`数据版本：${info.schemaVersion}`)
        for (const c of info.counts) io.out(`  ${c.label}（${c.table}）：${c.count}`)
      }
      return 0
    }
    if (command === 'check') return await checkCommand(backend, values, io.out)
    if (command === 'backup') return await backupCommand(backend, values, io.out)
    if (command === 'backups') return await backupsCommand(backend, values, io.out)
    if (command === 'restore') return await restoreCommand(backend, positionals[0], values, io.out)
    if (command === 'package')
      return await packageCommand(backend, positionals[0], positionals[1], values, io.out)
    if (command === 'list') return await listCommand(backend.invoke, positionals[0], values, io.out)
    if (command === 'settings')
      return await settingsCommand(backend.invoke, positionals, values, io.out)
    if (command === 'grids') return await gridsCommand(backend.invoke, positionals, values, io.out)
    if (command === 'export' && positionals[0] === 'matters')
      return await exportMatters(backend.invoke, values, io.out)
    if (command === 'export')
      return await exportCommand(
        backend.invoke,
        positionals[0],
        { ...values, allColumns: values['all-columns'] },
        io.out,
      )
    if (command === 'import')
      return await importCommand(
        backend.invoke,
        positionals[0],
        positionals[1],
        {
          dryRun: values['dry-run'],
          onDuplicate: values['on-duplicate'],
          createGrids: values['create-grids'],
        },
        io.out,
      )
    if (command === 'fill')
      return await fillCommand(
        backend.invoke,
        positionals[0],
        positionals[1],
        values,
        io.out,
        io.err,
      )
    if (command === 'generate') return await generateCommand(call, positionals[0], values, io)
    if (command === 'street')
      return await streetCommand(backend.invoke, positionals, values, io.out)
    const summary = await call('app:demo', {})
    io.out(
      `已写入演示数据：网格 ${summary.grids} 个、社区能人 ${summary.talents} 人、共建单位 ${summary.units} 家、兼职委员 ${summary.committee} 人、党员中心户 ${summary.households} 户、会议 ${summary.meetings} 次、民情事项 ${summary.matters} 件、在职党员 ${summary.reported_members} 人。数据文件夹：${dataDir}`,
    )
    return 0
  } catch (e) {
    io.err(
      e instanceof AppError ? e.message : `执行失败：${e instanceof Error ? e.message : String(e)}`,
    )
    if (e instanceof AppError && e.message.includes('「社区信息」') && command !== 'settings')
      io.err(
        '在命令行里填写：lianjian settings set community_name=… street_name=… party_org_name=…',
      )
    if (e instanceof AppError && e.code === 'DB_DAMAGED')
      io.err(await damagedAdvice(call).catch(() => '运行 lianjian check 查看可用的备份。'))
    return 1
  } finally {
    backend.close()
  }
}
