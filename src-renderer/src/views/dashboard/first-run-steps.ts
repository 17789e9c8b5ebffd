// The guided start an empty community sees on 工作台: four steps in the order the work needs
// them, each done when the data says so (not when a button was clicked), and gone once all are
// done or she dismisses it.
import type { DashboardSummary } from '@shared/schemas/dashboard.schema'
import type { Settings } from '@shared/schemas/settings.schema'

export interface FirstRunStep {
  key: 'settings' | 'grids' | 'records' | 'operator'
  title: string
  hint: string
  to: string
  action: string
  done: boolean
}

export const DISMISS_KEY = 'lianjian:first-run-dismissed'

export function firstRunSteps(
  settings: Settings | null,
  counts: DashboardSummary['counts'] | null,
): FirstRunStep[] {
  const records = counts ? counts.talents + counts.units + counts.committee + counts.households : 0
  return [
    {
      key: 'settings',
      title: '填写社区信息',
      hint: '社区名称、所属街道和社区党组织名称会写进会议文档和报送街道的花名册。',
      to: '/settings/basic',
      action: '填写社区信息',
      done: settings?.configured === true,
    },
    {
      key: 'grids',
      title: '建立网格',
      hint: '先建好网格，社区能人和党员中心户才能分到各网格。',
      to: '/settings/grids',
      action: '去网格管理',
      done: (counts?.grids ?? 0) > 0,
    },
    {
      key: 'records',
      title: '导入旧台账或录入记录',
      hint: '把原来的 Excel 台账导入进来；也可以在各登记簿点「新增」逐条录入。',
      to: '/talents?import=1',
      action: '导入旧台账',
      done: records > 0,
    },
    {
      key: 'operator',
      title: '填写操作员姓名',
      hint: '修改记录和操作记录里会写上是谁改的，而不是电脑的登录名。',
      to: '/settings/basic?focus=operator_name',
      action: '填写操作员姓名',
      done: (settings?.operator_name ?? '') !== '',
    },
  ]
}

export function showFirstRun(steps: FirstRunStep[], dismissed: boolean): boolean {
  return !dismissed && steps.some((s) => !s.done)
}
