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

/** A number of the board: a link to the cases behind it, or a plain 0. */
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

  const rows = board.areas.map(area => {
    const h = area.helpRequests;
    const c = area.checkIns;
    const p = area.carePacks;
    const at = { area: area.code };
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
      element('td', { 'data-column': 'roundsCompleted' }, String(c.completed)),
      element('td', { 'data-column': 'roundsOpen' }, String(c.open)),
      element('td', { 'data-column': 'roundsMissed', class: c.missed ? 'gridaid-overdue' : '' }, String(c.missed)),
      element('td', { 'data-column': 'roundsMissedDayBefore', class: c.missedDayBefore ? 'gridaid-overdue' : '' },
        String(c.missedDayBefore)),
      element('td', { 'data-column': 'lateDeliveries', class: area.lateDeliveries ? 'gridaid-overdue' : '' },
        String(area.lateDeliveries)),
      element('td', { 'data-column': 'campaigns' }, String(p.campaigns)),
      element('td', { 'data-column': 'packsPlanned' }, String(p.planned)),
      element('td', { 'data-column': 'packsDelivered' }, String(p.delivered)),
      element('td', { 'data-column': 'packsNotYetDelivered', class: p.notYetDelivered ? 'gridaid-due-soon' : '' },
        String(p.notYetDelivered)),
      element('td', { 'data-column': 'packsMissed', class: p.missed ? 'gridaid-overdue' : '' }, String(p.missed)));
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

function renderCases(node, api) {
  const query = new URLSearchParams(window.location.hash.split('?')[1] || '');
  const selection = Object.fromEntries(query.entries());
  node.innerHTML = '';
  const container = element('div', { class: 'gridaid-board gridaid-cases' },
    element('h2', {}, '督办看板 · 案件'), element('p', {}, element('a', { href: '#/' }, '← 返回督办看板')));
  node.appendChild(container);
  resource(api, 'cases', selection).then(answer => {
    const cases = answer.cases;
    container.appendChild(element('p', { class: 'gridaid-note', 'data-count': cases.length },
      `共 ${cases.length} 件` + (cases.length >= answer.most ? ` (只列出最紧急的 ${answer.most} 件)` : '')));
    container.appendChild(element('table', { class: 'table table-bordered table-condensed gridaid-table' },
      element('thead', {}, element('tr', {}, ['案件编号', '网格', '类别', '优先级', '升级层级', '时限状态', '受理时间',
        '响应时限', '办结时限'].map(label => element('th', {}, label)))),
      element('tbody', {}, cases.map(c => element('tr', { 'data-case': c.id },
        element('td', {}, c.processInstanceId
          ? element('a', { href: `#/process-instance/${c.processInstanceId}/runtime`, 'data-process-instance': c.processInstanceId }, String(c.id))
          : String(c.id)),
        element('td', {}, c.gridName || '待指定网格'),
        element('td', {}, c.categoryLabel),
        element('td', {}, c.priority || ''),
        element('td', {}, c.escalationLevelLabel),
        element('td', { class: c.due === 'OVERDUE' ? 'gridaid-overdue' : c.due === 'DUE_SOON' ? 'gridaid-due-soon' : '' },
          DUE_LABELS[c.due] || c.due),
        element('td', {}, formatTime(c.receivedAt)),
        element('td', {}, formatTime(c.responseDueAt)),
        element('td', {}, formatTime(c.resolutionDueAt)))))));
  }).catch(error => container.appendChild(element('p', { class: 'gridaid-error' }, `无法读取案件: ${error.message}`)));
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
