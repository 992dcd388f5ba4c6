// Grid Aid 督办看板: Cockpit's own plugin points, plain JavaScript, no build step. Cockpit loads
// this file (and plugin.css) for the server-side plugin grid-aid-dashboard (DashboardCockpitPlugin).
// The figures come from the plugin's resource, limited to the areas the signed-in user covers;
// they are those of GET /api/v1/dashboard.

const PLUGIN = 'grid-aid-dashboard';
const CASES_ROUTE = '/grid-aid-cases';

function resource(api, path, query) {
  const params = new URLSearchParams();
  Object.entries(query || {}).forEach(([key, value]) => {
    if (value !== undefined && value !== null && value !== '') {
      params.set(key, value);
    }
  });
  const url = `${api.cockpitApi}/plugin/${PLUGIN}/${api.engine}/${path}` + (params.toString() ? `?${params}` : '');
  return fetch(url, {
    credentials: 'same-origin',
    headers: { Accept: 'application/json', 'X-XSRF-TOKEN': api.CSRFToken }
  }).then(response => response.json().then(body => {
    if (!response.ok) {
      throw new Error(body.detail || response.statusText);
    }
    return body;
  }));
}

function element(tag, attributes, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([key, value]) => {
    if (value !== undefined && value !== null) {
      node.setAttribute(key, value);
    }
  });
  children.flat().forEach(child => {
    node.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
  });
  return node;
}

/**
 * A number of the board: a link to the cases behind it, or a plain 0. The selection is the list's
 * query: {@code list} says which list (rounds, deliveries, campaigns; none: help requests), the
 * rest is what the plugin's resource of that list takes.
 */
function figure(value, selection, css) {
  if (!value) {
    return element('span', { class: 'gridaid-zero' }, '0');
  }
  const query = new URLSearchParams(selection);
  return element('a', {
    class: 'gridaid-figure ' + (css || ''),
    href: `#${CASES_ROUTE}?${query}`,
    'data-figure': Object.entries(selection).map(([k, v]) => `${k}=${v}`).join('&')
  }, String(value));
}

function formatTime(instant) {
  if (!instant) {
    return '';
  }
  return new Date(instant).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
}

/** The ISO day before an ISO day (yyyy-MM-dd). */
function dayBefore(day) {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, date - 1)).toISOString().slice(0, 10);
}

function renderBoard(node, board) {
  node.innerHTML = '';
  const levels = board.levels;
  const head = element('tr', {},
    element('th', { rowspan: 2 }, '区域'),
    element('th', { colspan: 3 }, '在办诉求'),
    element('th', { colspan: levels.length }, '升级层级 (其中超时)'),
    element('th', { colspan: board.priorities.length }, '优先级'),
    element('th', { colspan: 4 }, `每日随访 (${board.checkInDay})`),
    element('th', { rowspan: 2 }, '送药超时'),
    element('th', { colspan: 5 }, '暖心包发放 (进行中)'));
  const subHead = element('tr', {},
    element('th', {}, '在办'), element('th', {}, '1小时内到期'), element('th', {}, '已超时'),
    levels.map(level => element('th', {}, level.label)),
    board.priorities.map(priority => element('th', {}, priority)),
    element('th', {}, '已完成'), element('th', {}, '进行中'), element('th', {}, '漏访'), element('th', {}, '前一日漏访'),
    element('th', {}, '活动'), element('th', {}, '应发户次'), element('th', {}, '已送达'), element('th', {}, '尚未送达'),
    element('th', {}, '未能送达'));
  const day = board.checkInDay;

  const rows = board.areas.map(area => {
    const h = area.helpRequests;
    const c = area.checkIns;
    const p = area.carePacks;
    const at = { area: area.code };
    const rounds = { list: 'rounds', area: area.code, day };
    const packs = { list: 'campaigns', area: area.code };
    return element('tr', { 'data-area': area.code, class: `gridaid-level-${area.level.toLowerCase()}` },
      element('td', { class: 'gridaid-area', style: `padding-left: ${0.5 + area.depth * 1.5}em` }, area.name),
      element('td', { 'data-column': 'open' }, figure(h.open, at)),
      element('td', { 'data-column': 'dueSoon' }, figure(h.dueSoon, { ...at, due: 'DUE_SOON' }, 'gridaid-due-soon')),
      element('td', { 'data-column': 'overdue' }, figure(h.overdue, { ...at, due: 'OVERDUE' }, 'gridaid-overdue')),
      levels.map(level => element('td', { 'data-column': `level-${level.code}` },
        figure(h.byLevel[level.code], { ...at, level: level.code }),
        h.overdueByLevel[level.code]
          ? element('span', { class: 'gridaid-of-which' }, ' (', figure(h.overdueByLevel[level.code],
            { ...at, level: level.code, due: 'OVERDUE' }, 'gridaid-overdue'), ')')
          : '')),
      board.priorities.map(priority => element('td', { 'data-column': `priority-${priority}` },
        figure(h.byPriority[priority], { ...at, priority }))),
      element('td', { 'data-column': 'roundsCompleted' }, figure(c.completed, { ...rounds, status: 'COMPLETED' })),
      element('td', { 'data-column': 'roundsOpen' }, figure(c.open, { ...rounds, status: 'OPEN' })),
      element('td', { 'data-column': 'roundsMissed' },
        figure(c.missed, { ...rounds, status: 'MISSED' }, 'gridaid-overdue')),
      element('td', { 'data-column': 'roundsMissedDayBefore' },
        figure(c.missedDayBefore, { ...rounds, day: dayBefore(day), status: 'MISSED' }, 'gridaid-overdue')),
      element('td', { 'data-column': 'lateDeliveries' },
        figure(area.lateDeliveries, { list: 'deliveries', area: area.code }, 'gridaid-overdue')),
      element('td', { 'data-column': 'campaigns' }, figure(p.campaigns, packs)),
      element('td', { 'data-column': 'packsPlanned' }, figure(p.planned, { ...packs, progress: 'PLANNED' })),
      element('td', { 'data-column': 'packsDelivered' }, figure(p.delivered, { ...packs, progress: 'DELIVERED' })),
      element('td', { 'data-column': 'packsNotYetDelivered' },
        figure(p.notYetDelivered, { ...packs, progress: 'NOT_YET_DELIVERED' }, 'gridaid-due-soon')),
      element('td', { 'data-column': 'packsMissed' },
        figure(p.missed, { ...packs, progress: 'MISSED' }, 'gridaid-overdue')));
  });

  const categoryRows = board.areas.map(area => element('tr', { 'data-area': area.code },
    element('td', { class: 'gridaid-area', style: `padding-left: ${0.5 + area.depth * 1.5}em` }, area.name),
    board.categories.map(category => element('td', { 'data-column': `category-${category.code}` },
      figure(area.helpRequests.byCategory[category.code], { area: area.code, category: category.code })))));

  node.appendChild(element('div', { class: 'gridaid-board' },
    element('h2', {}, '督办看板'),
    element('p', { class: 'gridaid-note' },
      `统计时间 ${formatTime(board.asOf)}。点击数字查看对应案件, 再点击案件进入流程实例。`),
    element('table', { class: 'table table-bordered table-condensed gridaid-table', 'data-table': 'main' },
      element('thead', {}, head, subHead), element('tbody', {}, rows)),
    element('h3', {}, '在办诉求 · 按类别'),
    element('table', { class: 'table table-bordered table-condensed gridaid-table', 'data-table': 'categories' },
      element('thead', {}, element('tr', {}, element('th', {}, '区域'),
        board.categories.map(category => element('th', {}, category.label)))),
      element('tbody', {}, categoryRows))));
}

const DUE_LABELS = { OVERDUE: '已超时', DUE_SOON: '1小时内到期', ON_TIME: '未到期', OFF_THE_CLOCK: '暂缓/待回访' };
const ROUND_LABELS = { COMPLETED: '已完成', OPEN: '进行中', MISSED: '漏访' };
const ESCALATION_LABELS = { GRID_LEADER: '已报网格长', COMMUNITY: '已报社区' };
const PROGRESS_LABELS = { PLANNED: '应发', DELIVERED: '已送达', NOT_YET_DELIVERED: '尚未送达', MISSED: '未能送达' };

/** A row's first cell: its number, a link to its process instance in Cockpit where it has one running. */
function processLink(processInstanceId, text) {
  return processInstanceId
    ? element('a', { href: `#/process-instance/${processInstanceId}/runtime`, 'data-process-instance': processInstanceId }, text)
    : text;
}

function table(labels, rows) {
  return element('table', { class: 'table table-bordered table-condensed gridaid-table' },
    element('thead', {}, element('tr', {}, labels.map(label => element('th', {}, label)))),
    element('tbody', {}, rows));
}

/** The lists behind the board's figures: what each shows, asks the plugin's resource and writes per row. */
const LISTS = {
  cases: {
    title: '督办看板 · 案件',
    resource: 'cases',
    caption: () => '',
    render: answer => ({
      count: answer.cases.length,
      unit: '件',
      table: table(['案件编号', '网格', '类别', '优先级', '升级层级', '时限状态', '受理时间', '响应时限', '办结时限'],
        answer.cases.map(c => element('tr', { 'data-case': c.id },
          element('td', {}, processLink(c.processInstanceId, String(c.id))),
          element('td', {}, c.gridName || '待指定网格'),
          element('td', {}, c.categoryLabel),
          element('td', {}, c.priority || ''),
          element('td', {}, c.escalationLevelLabel),
          element('td', { class: c.due === 'OVERDUE' ? 'gridaid-overdue' : c.due === 'DUE_SOON' ? 'gridaid-due-soon' : '' },
            DUE_LABELS[c.due] || c.due),
          element('td', {}, formatTime(c.receivedAt)),
          element('td', {}, formatTime(c.responseDueAt)),
          element('td', {}, formatTime(c.resolutionDueAt)))))
    })
  },
  rounds: {
    title: '督办看板 · 每日随访',
    resource: 'rounds',
    caption: selection => `${selection.day || ''} ${ROUND_LABELS[selection.status] || ''}`.trim(),
    render: answer => ({
      count: answer.rounds.length,
      unit: '个网格',
      table: table(['随访编号', '网格', '随访日期', '状态', '已随访/名单人数', '督办', '完成时间', '截止关闭时间'],
        answer.rounds.map(r => element('tr', { 'data-round': r.id },
          element('td', {}, processLink(r.processInstanceId, String(r.id))),
          element('td', {}, r.gridName),
          element('td', {}, r.day),
          element('td', { class: r.status === 'MISSED' ? 'gridaid-overdue' : '' }, ROUND_LABELS[r.status] || r.status),
          element('td', {}, `${r.answered}/${r.listed}`),
          element('td', {}, ESCALATION_LABELS[r.escalation] || '无'),
          element('td', {}, formatTime(r.completedAt)),
          element('td', {}, formatTime(r.closedAt)))))
    })
  },
  deliveries: {
    title: '督办看板 · 送药超时',
    resource: 'deliveries',
    caption: () => '',
    render: answer => ({
      count: answer.deliveries.length,
      unit: '单',
      table: table(['送药编号', '网格', '状态', '紧急程度', '申请时间', '首次超时', '超时环节'],
        answer.deliveries.map(d => element('tr', { 'data-delivery': d.id },
          element('td', {}, processLink(d.processInstanceId, String(d.id))),
          element('td', {}, d.gridName),
          element('td', {}, d.statusLabel),
          element('td', {}, d.urgencyLabel),
          element('td', {}, formatTime(d.requestedAt)),
          element('td', { class: 'gridaid-overdue' }, formatTime(d.lateSince)),
          element('td', {}, d.lateSteps.join('; ')))))
    })
  },
  campaigns: {
    title: '督办看板 · 暖心包发放',
    resource: 'campaigns',
    caption: selection => selection.progress ? `有${PROGRESS_LABELS[selection.progress] || ''}户次的网格` : '',
    render: answer => ({
      count: answer.grids.length,
      unit: '个网格',
      table: table(['活动编号', '活动名称', '网格', '网格进度', '截止时间', '应发户次', '已送达', '尚未送达', '未能送达'],
        answer.grids.map(g => element('tr', { 'data-campaign-grid': `${g.campaignId}/${g.gridCode}` },
          element('td', {}, processLink(g.processInstanceId, String(g.campaignId))),
          element('td', {}, g.campaignName),
          element('td', {}, g.gridName),
          element('td', {}, g.statusLabel),
          element('td', {}, formatTime(g.deadline)),
          element('td', {}, String(g.planned)),
          element('td', {}, String(g.delivered)),
          element('td', { class: g.notYetDelivered ? 'gridaid-due-soon' : '' }, String(g.notYetDelivered)),
          element('td', { class: g.missed ? 'gridaid-overdue' : '' }, String(g.missed)))))
    })
  }
};

function renderCases(node, api) {
  const query = new URLSearchParams(window.location.hash.split('?')[1] || '');
  const { list: name, ...selection } = Object.fromEntries(query.entries());
  const list = LISTS[name] || LISTS.cases;
  node.innerHTML = '';
  const caption = list.caption(selection);
  const container = element('div', { class: 'gridaid-board gridaid-cases', 'data-list': list.resource },
    element('h2', {}, list.title), caption ? element('p', {}, caption) : '',
    element('p', {}, element('a', { href: '#/' }, '← 返回督办看板')));
  node.appendChild(container);
  resource(api, list.resource, selection).then(answer => {
    const shown = list.render(answer);
    container.appendChild(element('p', { class: 'gridaid-note', 'data-count': shown.count },
      `共 ${shown.count} ${shown.unit}` + (shown.count >= answer.most ? ` (只列出前 ${answer.most} ${shown.unit})` : '')));
    container.appendChild(shown.table);
  }).catch(error => container.appendChild(element('p', { class: 'gridaid-error' }, `无法读取: ${error.message}`)));
}

export default [
  {
    id: 'gridAidDashboard',
    pluginPoint: 'cockpit.dashboard',
    priority: 100,
    render: (node, { api }) => {
      node.appendChild(element('div', { class: 'gridaid-board' }, '督办看板加载中…'));
      resource(api, 'board')
        .then(board => renderBoard(node, board))
        .catch(error => {
          node.innerHTML = '';
          node.appendChild(element('div', { class: 'gridaid-board gridaid-error' }, `督办看板无法显示: ${error.message}`));
        });
    }
  },
  {
    id: 'gridAidDashboardCases',
    pluginPoint: 'cockpit.route',
    priority: 0,
    properties: { path: CASES_ROUTE },
    render: (node, { api }) => renderCases(node, api)
  }
];
