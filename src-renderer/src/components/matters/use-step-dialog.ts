// One step of the loop in a dialog: its form (what each step asks for), sending it through the
// detail store, and the error shown in the dialog when the backend refuses.
import { MATTER_RATING, MATTER_VISIT_METHOD } from '@shared/dictionaries'
import dayjs from 'dayjs'
import { ElMessage } from 'element-plus'
import { reactive, ref } from 'vue'
import { errorMessage, invoke } from '../../api/client'
import { useMatterDetailStore } from '../../stores/matters.store'
import type { PickedResponder } from './ResponderPicker.vue'

export type StepName =
  'dispatch' | 'accept' | 'progress' | 'feedback' | 'close' | 'evaluate' | 'cancel' | 'merge'

/** Button and dialog titles; which steps are offered comes from the backend (next_steps). */
export const STEP_TITLE: Record<StepName, string> = {
  dispatch: '派单',
  accept: '接单（报到）',
  progress: '记录办理进展',
  feedback: '反馈办理结果',
  close: '核实结项',
  evaluate: '回访评价',
  cancel: '取消事项',
  merge: '合并到另一条事项',
}

export function useStepDialog() {
  const store = useMatterDetailStore()
  const open = ref(false)
  const step = ref<StepName>('dispatch')
  const saving = ref(false)
  const error = ref('')
  const form = reactive({
    responders: [] as PickedResponder[],
    note: '',
    on: '',
    text: '',
    verifier: '',
    rating: '' as (typeof MATTER_RATING)[number] | '',
    method: '电话回访' as (typeof MATTER_VISIT_METHOD)[number],
    reason: '',
    into: undefined as number | undefined,
  })
  const mergeOptions = ref<{ id: number; label: string }[]>([])

  function start(name: StepName): void {
    step.value = name
    Object.assign(form, {
      responders: [],
      note: '',
      on: dayjs().format('YYYY-MM-DD'),
      text: '',
      verifier: '',
      rating: '',
      method: '电话回访',
      reason: '',
      into: undefined,
    })
    error.value = ''
    open.value = true
  }

  async function searchMerge(text: string): Promise<void> {
    const r = await invoke('matters:list', { search: text, pageSize: 20 })
    mergeOptions.value = r.rows
      .filter((m) => m.id !== store.matter?.id && m.status !== '已取消' && m.status !== '已合并')
      .map((m) => ({ id: m.id, label: `${m.code} ${m.content.slice(0, 24)}` }))
  }

  async function submit(): Promise<void> {
    const id = store.matter?.id
    if (!id) return
    saving.value = true
    error.value = ''
    try {
      const s = step.value
      if (s === 'dispatch')
        await store.step('matters:dispatch', { id, responders: form.responders, note: form.note })
      else if (s === 'accept') await store.step('matters:accept', { id, note: form.note })
      else if (s === 'progress')
        await store.step('matters:progress', { id, on: form.on, text: form.text })
      else if (s === 'feedback') await store.step('matters:feedback', { id, result: form.text })
      else if (s === 'close')
        await store.step('matters:close', {
          id,
          verifier: form.verifier,
          on: form.on,
          note: form.note,
        })
      else if (s === 'evaluate') {
        if (!form.rating) throw new Error('请选择评价：满意、基本满意或不满意')
        await store.step('matters:evaluate', {
          id,
          rating: form.rating,
          method: form.method,
          note: form.note,
        })
      } else if (s === 'cancel') await store.step('matters:cancel', { id, reason: form.reason })
      else {
        if (!form.into) throw new Error('请选择要合并到的事项')
        await store.step('matters:merge', { id, into: form.into, reason: form.reason })
      }
      open.value = false
      ElMessage.success(
        `已${STEP_TITLE[s].replace(/（.*）/, '')}，事项现在为「${store.matter?.status ?? ''}」`,
      )
    } catch (e) {
      error.value = errorMessage(e)
    } finally {
      saving.value = false
    }
  }

  return { open, step, form, saving, error, mergeOptions, start, submit, searchMerge }
}
