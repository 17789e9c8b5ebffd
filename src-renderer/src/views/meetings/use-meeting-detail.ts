// The meeting page: load the meeting named in the URL with its lists, edit its details, and
// delete it to the 回收站.
import { MEETING_FIELDS } from '@shared/registers/meetings.fields'
import dayjs from 'dayjs'
import { computed } from 'vue'
import { useRecordDialog } from '../../components/register/use-record-dialog'
import { useRecordPage } from '../record-page'
import { useMeetingDetailStore, useMeetingsStore } from '../../stores/meetings.store'

const WEEKDAYS = '日一二三四五六'

export function useMeetingDetail() {
  const store = useMeetingDetailStore()
  const list = useMeetingsStore()
  const dialog = useRecordDialog(() => MEETING_FIELDS)
  const { confirmDelete } = useRecordPage((n) => store.load(n))

  /** 2026年11月20日（星期五）09:30—11:30 */
  const when = computed(() => {
    const m = store.meeting
    if (!m) return ''
    const d = dayjs(m.meeting_date)
    const date = `${d.year()}年${d.month() + 1}月${d.date()}日（星期${WEEKDAYS[d.day()] ?? ''}）`
    const time = m.start_time ? ` ${m.start_time}${m.end_time ? `—${m.end_time}` : ''}` : ''
    return date + time
  })

  async function save(): Promise<void> {
    await dialog.submit((values) => store.update(values), '已保存修改')
    void list.load()
  }

  async function remove(): Promise<void> {
    const m = store.meeting
    if (!m) return
    await confirmDelete({
      title: '删除会议',
      message: `确定删除会议「${m.title}」吗？参会人员、议题和议定事项随会议一起放入回收站，可以恢复。`,
      remove: () => store.remove(),
      done: '已删除，可在会议列表的回收站中恢复',
      list: '/meetings',
    })
  }

  return { store, dialog, when, save, remove, fields: MEETING_FIELDS }
}
