// 会议 list page logic: the 年份 filter, and the new-meeting form that suggests the next 期号
// and a title (锦华社区2026年第3次党建联席会议) until the user types their own, and starts from
// the last meeting's place, host, recorder and contact.
import { onMounted, ref, watch } from 'vue'
import { useRouter } from 'vue-router'
import type { useRecordDialog } from '../../components/register/use-record-dialog'
import {
  latestMeeting,
  meetingYears,
  suggestSeq,
  useMeetingsStore,
} from '../../stores/meetings.store'
import { useSettingsStore } from '../../stores/settings.store'
import type { Values } from '../../utils/field-form'

type Dialog = ReturnType<typeof useRecordDialog>
const REUSED = ['location', 'host', 'recorder', 'contact', 'contact_phone'] as const

export function meetingTitle(community: string, type: string, year: number, seq: number): string {
  if (type === '其他') return ''
  return `${community}${year}年第${seq}次${type}`
}

export function useMeetingsView() {
  const store = useMeetingsStore()
  const settings = useSettingsStore()
  const router = useRouter()
  const years = ref<number[]>([])

  onMounted(async () => {
    years.value = await meetingYears().catch(() => [new Date().getFullYear()])
    if (!settings.settings) void settings.load()
  })

  function formSetup(dialog: Dialog): void {
    // What we filled in last; anything else in those fields was typed by the user and stays.
    let suggested = { seq: null as number | null, title: '' }
    watch(dialog.open, async (open) => {
      if (!open || dialog.editingId.value !== null) return
      suggested = { seq: null, title: '' }
      // Most meetings are held in the same room by the same people: start from the last one.
      const m = dialog.model.value
      const last = await latestMeeting()
      if (!last || dialog.model.value !== m) return
      const clean = !dialog.dirty()
      for (const key of REUSED) if (!m[key]) m[key] = last[key]
      // Filled in for her: Esc on an untouched form still closes without asking.
      if (clean) dialog.markClean()
    })
    watch(
      () => [dialog.open.value, dialog.model.value.meeting_type, dialog.model.value.meeting_date],
      async () => {
        if (!dialog.open.value || dialog.editingId.value !== null) return
        const m = dialog.model.value
        const type = String(m.meeting_type ?? '')
        const year = Number(String(m.meeting_date ?? '').slice(0, 4))
        if (!type || !year) return
        const seq = await suggestSeq(type, year)
        if (seq === null || dialog.model.value !== m) return
        const clean = !dialog.dirty()
        if (m.seq_no === null || m.seq_no === undefined || m.seq_no === suggested.seq) {
          m.seq_no = seq
          suggested.seq = seq
        }
        const title = meetingTitle(settings.settings?.community_name ?? '', type, year, seq)
        if (!m.title || m.title === suggested.title) {
          m.title = title
          suggested.title = title
        }
        if (clean) dialog.markClean()
      },
    )
  }

  const openMeeting = (row: Values) => `/meetings/${String(row.id)}`
  const afterCreate = (row: Values) => void router.push(openMeeting(row))

  return { store, years, formSetup, openMeeting, afterCreate }
}
