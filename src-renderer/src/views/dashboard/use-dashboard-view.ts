import type { DashboardSummary } from '@shared/schemas/dashboard.schema'
import { computed, ref } from 'vue'
import { errorMessage } from '../../api/client'
import { useSettingsStore } from '../../stores/settings.store'
import { summaryRequest } from './summary-request'

export function useDashboardView() {
  const settingsStore = useSettingsStore()
  const summary = ref<DashboardSummary | null>(null)
  const error = ref<string | null>(null)

  // Asked for at start-up when the app opens here, else during setup (overlapping the render).
  summaryRequest().then(
    (s) => (summary.value = s),
    (e: unknown) => (error.value = errorMessage(e)),
  )

  const cards = computed(() => {
    const s = summary.value
    if (!s) return []
    return [
      { label: '社区能人', value: s.counts.talents, unit: '人', to: '/talents', sub: '' },
      {
        label: '共建单位',
        value: s.counts.units,
        unit: '家',
        to: '/units',
        sub: `待认领清单 ${s.openItemCount} 项`,
      },
      {
        label: '兼职委员',
        value: s.counts.committee,
        unit: '人',
        to: '/committee',
        sub: `任期提醒 ${s.termsEnding.length} 人`,
      },
      {
        label: '党员中心户',
        value: s.counts.households,
        unit: '户',
        to: '/households',
        sub: `联系户 ${s.counts.links} 户`,
      },
      { label: '网格', value: s.counts.grids, unit: '个', to: '/settings/grids', sub: '' },
      {
        label: '本年会议',
        value: s.meetings.meetingsThisYear,
        unit: '次',
        to: '/meetings',
        sub: '',
      },
      {
        label: '未完成议定事项',
        value: s.meetings.openResolutions,
        unit: '项',
        to: '/resolutions',
        sub: '',
      },
      {
        label: '逾期议定事项',
        value: s.meetings.overdueResolutions,
        unit: '项',
        to: '/resolutions?overdue=1',
        sub: s.meetings.overdueResolutions ? '超过完成时限仍未完成' : '没有逾期事项',
        alert: s.meetings.overdueResolutions > 0,
      },
    ]
  })

  return { settingsStore, summary, error, cards }
}
