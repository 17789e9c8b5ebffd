// 工作报告 (季度 / 年度): every figure is a tag computed from the registers; the prose around
// them is a starting draft the secretary edits.
import { masthead, signature } from './meeting-templates.mjs'
import { blank, para, PORTRAIT, run, SIZE, table, textWidth } from './ooxml.mjs'

const body = (text, o = {}) => para(text, { indent: 2, ...o })
const h1 = (text) => para([run(text, { font: 'heiti' })], { indent: 2, keepNext: true })
const tag = (text) => para(text)

export function report() {
  const W = textWidth(PORTRAIT)
  const figures = [
    ['在册社区能人', '{talent_total} 人'],
    ['本期新增社区能人', '{talent_new} 人'],
    ['共建成员单位', '{unit_total} 家'],
    ['在任兼职委员', '{committee_total} 人'],
    ['召开会议', '{meeting_total} 次'],
    ['本期议定事项', '{resolution_total} 项'],
    ['议定事项完成率', '{resolution_rate}'],
    ['逾期未完成事项', '{overdue_total} 项'],
    ['社区能人服务', '{service_count} 次'],
    ['社区能人服务时长', '{service_hours} 小时'],
    ['参与服务能人', '{service_people} 人'],
    ['联户走访记录', '{visit_count} 次'],
  ]
  // Two figures to a row: the table is half as tall, so it mostly stays on the page of its
  // heading instead of leaving a gap above it (it is kept in one piece either way).
  const rows = [[{ text: '指标' }, { text: '数值' }, { text: '指标' }, { text: '数值' }]]
  for (let i = 0; i < figures.length; i += 2)
    rows.push(figures.slice(i, i + 2).flatMap(([k, v]) => [{ text: k }, { text: v }]))
  return {
    title: '工作报告',
    page: PORTRAIT,
    body: [
      ...masthead(),
      para([run('{report_title}', { font: 'xbs', size: SIZE.er })], {
        align: 'center',
        size: SIZE.er,
        font: 'xbs',
        grid: false,
        line: 680,
      }),
      blank(),
      body(
        '现将{community_name}{period_label}（{start_date}至{end_date}）党建联建工作情况报告如下。{period_note}',
      ),
      h1('一、主要数据一览'),
      table(
        [0.3, 0.2, 0.3, 0.2].map((f) => Math.round(W * f)),
        rows,
        {
          header: true,
          size: SIZE.si,
          rowHeight: 500,
          line: 400,
          keepTogether: true,
        },
      ),
      h1('二、人才库建设情况'),
      body(
        '截至{end_date}，社区治理人才库在册{talent_total}人，本期新增{talent_new}人，其中中共党员（含预备党员）{talent_party}人。按人才类别分：{talent_by_category_text}。按网格分：{talent_by_grid_text}。',
      ),
      h1('三、共建单位和兼职委员情况'),
      body(
        '共建成员单位{unit_total}家，本期新加入{unit_new}家。按单位性质分：{unit_by_nature_text}。在任兼职委员{committee_total}人。',
      ),
      h1('四、会议召开情况'),
      body(
        '本期召开各类会议{meeting_total}次{#meeting_by_type_text}，其中{meeting_by_type_text}{/meeting_by_type_text}。',
      ),
      tag('{#meetings}'),
      body('（{cn_index}）{date}，{title}（{location}），形成议定事项{resolution_count}项。'),
      tag('{/meetings}'),
      h1('五、议定事项落实情况'),
      body(
        '本期会议形成议定事项{resolution_total}项，已完成{resolution_done}项，完成率{resolution_rate}；推进中{resolution_doing}项，未开始{resolution_todo}项。',
      ),
      tag('{#has_overdue}'),
      body('截至{end_date}，本期议定事项中逾期未完成的共{overdue_total}项：'),
      tag('{/has_overdue}'),
      tag('{#overdue}'),
      body(
        '（{cn_index}）{content}（责任单位：{lead_unit}；完成时限：{deadline}；来自{meeting_title}）。',
      ),
      tag('{/overdue}'),
      tag('{^has_overdue}'),
      body('截至{end_date}，本期议定事项没有逾期未完成的。'),
      tag('{/has_overdue}'),
      h1('六、服务开展情况'),
      body(
        '本期社区能人开展服务{service_count}次，参与服务{service_people}人，累计服务时长{service_hours}小时。党员中心户开展联户走访{visit_count}次，其中需跟进事项{visit_followup}件。',
        { keepNext: true },
      ),
      ...signature(),
    ],
  }
}
