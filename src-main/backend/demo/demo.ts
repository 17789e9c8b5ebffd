// A believable, entirely made-up community for trying the app and for screenshots.
import type { AppContext } from '../app/context'
import { isEmptyDatabase } from '../app/app.repo'
import { gridsCreate } from '../grids/grids.handlers'
import { getSettings, saveSettings } from '../settings/settings.handlers'
import { AppError } from '../../shared/result'
import { GridInput } from '../../shared/schemas/grids.schema'
import { SettingsInput } from '../../shared/schemas/settings.schema'

const GRIDS: [string, string, string, string][] = [
  ['第一网格（锦华苑）', 'JH-01', '张秀兰', '13908711201'],
  ['第二网格（馨园小区）', 'JH-02', '李建国', '13908711202'],
  ['第三网格（电力宿舍）', 'JH-03', '王丽萍', '13908711203'],
  ['第四网格（金桂园）', 'JH-04', '赵德明', '13908711204'],
  ['第五网格（沿河商铺）', 'JH-05', '陈玉梅', '13908711205'],
  ['第六网格（老街片区）', 'JH-06', '刘志强', '13908711206'],
]

export interface DemoSummary {
  grids: number
}

export function fillDemo(ctx: AppContext): DemoSummary {
  if (!isEmptyDatabase(ctx.db)) {
    throw new AppError(
      'CONFLICT',
      '数据库里已经有数据，演示数据只能写入空的数据库。请换一个空的数据文件夹（--data-dir）。',
    )
  }
  return ctx.db.transaction(() => {
    if (!getSettings({}, ctx).configured) {
      saveSettings(
        SettingsInput.parse({
          community_name: '锦华社区',
          street_name: '青云街道',
          district: '盘龙区',
          party_org_name: '中共锦华社区委员会',
          secretary_name: '周丽华',
          phone: '0871-65123456',
          address: '青云街道锦华路 88 号',
        }),
        ctx,
      )
    }
    for (const [name, code, leader, phone] of GRIDS) {
      gridsCreate(GridInput.parse({ name, code, leader, phone }), ctx)
    }
    return { grids: GRIDS.length }
  })()
}
