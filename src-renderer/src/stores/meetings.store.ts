// 会议: the register list (the shared register store) and the one meeting open on its detail
// page with its 参会人员, 议题 and 议定事项, which the detail panels read and change.
import type { Input } from '@shared/contract'
import { MEETING_TYPE } from '@shared/dictionaries'
import { childChannel } from '@shared/register-api'
import type { Attendee, Meeting, Resolution, Topic } from '@shared/schemas/meetings.schema'
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { errorMessage, invoke, preloadForms, submit } from '../api/client'
import type { Values } from '../utils/field-form'
import { defineRegisterStore } from './register-store'

export const useMeetingsStore = defineRegisterStore('meetings')

export type ChildList = 'meeting_attendees' | 'meeting_topics' | 'meeting_resolutions'

export const useMeetingDetailStore = defineStore('meeting-detail', () => {
  preloadForms()
  const meeting = ref<Meeting | null>(null)
  const attendees = ref<Attendee[]>([])
  const topics = ref<Topic[]>([])
  const resolutions = ref<Resolution[]>([])
  const loading = ref(false)
  const error = ref<string | null>(null)
  const historyKey = ref(0)

  async function loadMeeting(id: number): Promise<void> {
    meeting.value = await invoke('meetings:get', { id })
    historyKey.value++
  }

  async function loadChild(list: ChildList): Promise<void> {
    const parentId = meeting.value?.id
    if (!parentId) return
    if (list === 'meeting_attendees')
      attendees.value = await invoke('meeting_attendees:list', { parentId })
    else if (list === 'meeting_topics')
      topics.value = await invoke('meeting_topics:list', { parentId })
    else resolutions.value = await invoke('meeting_resolutions:list', { parentId })
  }

  async function load(id: number): Promise<void> {
    loading.value = true
    error.value = null
    try {
      if (meeting.value?.id !== id) {
        meeting.value = null
        attendees.value = []
        topics.value = []
        resolutions.value = []
      }
      // The three lists are asked for together with the meeting, not after it: one round trip
      // instead of two before the page can draw. A deleted meeting's lists answer 不存在 and
      // are not shown, so their error is dropped.
      const lists = Promise.all([
        invoke('meeting_attendees:list', { parentId: id }),
        invoke('meeting_topics:list', { parentId: id }),
        invoke('meeting_resolutions:list', { parentId: id }),
      ])
      lists.catch(() => undefined)
      await loadMeeting(id)
      if (!meeting.value?.deleted_at)
        [attendees.value, topics.value, resolutions.value] = await lists
    } catch (e) {
      error.value = errorMessage(e)
    } finally {
      loading.value = false
    }
  }

  /** After any change to a child list: that list, and the meeting's counts and history. */
  async function refresh(list: ChildList): Promise<void> {
    const id = meeting.value?.id
    if (!id) return
    await Promise.all([loadChild(list), loadMeeting(id)])
  }

  // The child channels are built from the list's key (`${list}:create` …) and so checked
  // against the contract; the panels' field maps are checked by `submit` with its schema.
  async function saveChild(list: ChildList, id: number | null, data: Values): Promise<void> {
    const parentId = meeting.value?.id
    if (id === null) await submit(childChannel(list, 'create'), { parentId, data })
    else await submit(childChannel(list, 'update'), { id, data })
    await refresh(list)
  }

  async function removeChild(list: ChildList, id: number): Promise<void> {
    await invoke(childChannel(list, 'delete'), { id })
    await refresh(list)
  }

  async function move(list: ChildList, id: number, direction: 'up' | 'down'): Promise<void> {
    await invoke(`${list}:move`, { id, direction })
    await refresh(list)
  }

  async function pick(input: Omit<Input<'meeting_attendees:pick'>, 'meetingId'>) {
    const meetingId = meeting.value?.id
    if (!meetingId) throw new Error('会议还没有加载')
    const r = await invoke('meeting_attendees:pick', { meetingId, ...input })
    await refresh('meeting_attendees')
    return r
  }

  async function update(data: Values): Promise<void> {
    const id = meeting.value?.id
    if (!id) return
    await submit('meetings:update', { id, data })
    await loadMeeting(id)
  }

  async function remove(): Promise<void> {
    const id = meeting.value?.id
    if (id) await invoke('meetings:delete', { id })
  }

  const attendeeOptions = () => invoke('meetings:attendee-options', {})
  const history = () => invoke('meetings:history', { id: meeting.value?.id ?? 0 })

  return {
    meeting,
    attendees,
    topics,
    resolutions,
    loading,
    error,
    historyKey,
    load,
    refresh,
    saveChild,
    removeChild,
    move,
    pick,
    update,
    remove,
    attendeeOptions,
    history,
  }
})

/** The 期号 to suggest for a new meeting of this type in this year. */
export async function suggestSeq(meetingType: string, year: number): Promise<number | null> {
  // The form's value is any text until saved: only a real 会议类型 has a 期号 to suggest.
  const type = MEETING_TYPE.find((t) => t === meetingType)
  if (!type) return null
  try {
    const r = await invoke('meetings:next-seq', { meeting_type: type, year })
    return r.seq_no
  } catch {
    return null
  }
}

export const meetingYears = () => invoke('meetings:years', {})

/** The most recent meeting, or null when there is none (or it cannot be read). */
export async function latestMeeting(): Promise<Meeting | null> {
  try {
    return (await invoke('meetings:list', { pageSize: 20 })).rows[0] ?? null
  } catch {
    return null
  }
}
