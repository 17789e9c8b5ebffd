// The 民情事项 page: load the item named in the URL with its timeline, offer the steps its state
// allows (the backend says which), edit its details, and delete it to the 回收站.
import { RESPONDER_KIND_LABEL } from '@shared/dictionaries'
import { computed } from 'vue'
import { submit } from '../../api/client'
import { STEP_TITLE, useStepDialog, type StepName } from '../../components/matters/use-step-dialog'
import { useRecordDialog } from '../../components/register/use-record-dialog'
import { useMatterDetailStore, useMattersStore } from '../../stores/matters.store'
import { MATTER_FORM_FIELDS } from './use-matters-view'
import { useRecordPage } from '../record-page'

const ACTION_TEXT: Record<string, string> = {
  create: '登记',
  dispatch: '派单',
  accept: '接单报到',
  progress: '办理进展',
  feedback: '反馈结果',
  close: '核实结项',
  evaluate: '回访评价',
  reopen: '不满意，重新办理',
  cancel: '取消',
  merge: '合并',
}

export function useMatterDetail() {
  const store = useMatterDetailStore()
  const list = useMattersStore()
  const steps = useStepDialog()
  const dialog = useRecordDialog(() => MATTER_FORM_FIELDS)
  const { id, confirmDelete } = useRecordPage((n) => store.load(n))

  const actions = computed(() =>
    (store.matter?.next_steps ?? []).map((s) => ({
      step: s as StepName,
      label: STEP_TITLE[s as StepName],
    })),
  )
  const events = computed(() =>
    [...store.timeline.events].reverse().map((e) => ({
      ...e,
      title: ACTION_TEXT[e.action] ?? e.action,
      type: (e.action === 'reopen'
        ? 'warning'
        : e.to_status === '已评价'
          ? 'success'
          : 'primary') as 'warning' | 'success' | 'primary',
    })),
  )
  const responders = computed(() =>
    store.timeline.responders.map((r) => ({
      ...r,
      label: r.kind === 'office' ? '吹哨' : RESPONDER_KIND_LABEL[r.kind],
    })),
  )

  async function save(): Promise<void> {
    await dialog.submit(async (values) => {
      const m = await submit('matters:update', { id: id.value, data: values })
      await store.load(m.id)
      return m
    }, '已保存修改')
    void list.load()
  }

  async function remove(): Promise<void> {
    const m = store.matter
    if (!m) return
    await confirmDelete({
      title: '删除事项',
      message: `确定删除事项 ${m.code} 吗？可以在民情事项列表的回收站中恢复。`,
      remove: () => list.remove(m.id),
      done: '已删除，可在民情事项列表的回收站中恢复',
      list: '/matters',
    })
  }

  return { store, steps, dialog, actions, events, responders, save, remove }
}
