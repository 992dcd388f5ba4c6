// Grid Aid, Tasklist plugin of the hotline: once 热线诉求 has started from its start form, the
// operator sees what to read to the caller (case number, tracking code, priority, the grid the
// case went to) and can open the case. Tasklist's start dialog only says that a process
// started, so this listens for the start form's answer, which carries the case number as the
// business key, and asks the plugin's resource for the rest while triage and routing finish.

const START_FORM = /\/api\/engine\/engine\/([^/]+)\/process-definition\/[^/]+\/submit-form$/;
const PROCESS_KEY = 'helpRequest';
const ROUTING_WAIT_MS = 15000;
const POLL_EVERY_MS = 700;

function appRoot() {
  const base = document.querySelector('base');
  return (base && base.getAttribute('app-root')) || '/camunda';
}

function caseUrl(engine, id) {
  return `${appRoot()}/api/tasklist/plugin/grid-aid-hotline/${encodeURIComponent(engine)}/help-requests/${id}`;
}

function text(tag, className, content) {
  const element = document.createElement(tag);
  if (className) {
    element.className = className;
  }
  if (content !== undefined && content !== null) {
    element.textContent = content;
  }
  return element;
}

function panel() {
  let box = document.getElementById('grid-aid-started-case');
  if (!box) {
    box = text('div', 'grid-aid-started-case');
    box.id = 'grid-aid-started-case';
    box.setAttribute('role', 'dialog');
    box.setAttribute('aria-label', '已登记热线诉求');
    document.body.appendChild(box);
  }
  return box;
}

function gridText(found) {
  if (found.linkedToId) {
    return `已并入在办诉求 #${found.linkedToId}`;
  }
  if (found.gridName) {
    return `${found.gridName} (${found.gridCode})`;
  }
  return found.routed ? '待人工指定网格' : '正在匹配网格…';
}

function show(engine, found) {
  const box = panel();
  box.replaceChildren();
  box.appendChild(text('h3', null, '已登记热线诉求, 请告知来电人'));
  const rows = [
    ['案件编号', `#${found.id}`, 'case-number'],
    ['查询码', found.trackingCode, 'tracking-code'],
    ['优先级', found.priority || (found.routed ? '-' : '正在分级…'), 'priority'],
    ['派往网格', gridText(found), 'grid'],
    ['状态', found.statusLabel, 'status']
  ];
  const table = text('dl');
  rows.forEach(([label, value, name]) => {
    table.appendChild(text('dt', null, label));
    table.appendChild(text('dd', name, value));
  });
  box.appendChild(table);
  const open = text('a', 'btn btn-primary', '打开案件');
  open.href = `${caseUrl(engine, found.id)}/page`;
  open.target = '_blank';
  open.rel = 'noopener';
  const close = text('button', 'btn btn-default', '关闭');
  close.type = 'button';
  close.addEventListener('click', () => box.remove());
  const actions = text('div', 'actions');
  actions.append(open, close);
  box.appendChild(actions);
}

async function follow(engine, id) {
  const until = Date.now() + ROUTING_WAIT_MS;
  for (;;) {
    const answer = await fetch(caseUrl(engine, id), {credentials: 'same-origin', headers: {Accept: 'application/json'}});
    if (!answer.ok) {
      return;
    }
    const found = await answer.json();
    show(engine, found);
    if (found.routed || Date.now() > until) {
      return;
    }
    await new Promise(resolve => setTimeout(resolve, POLL_EVERY_MS));
  }
}

function watchStarts() {
  const open = XMLHttpRequest.prototype.open;
  const send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function(method, url, ...rest) {
    this.gridAidStart = method && method.toUpperCase() === 'POST' ? START_FORM.exec(String(url).split('?')[0]) : null;
    return open.call(this, method, url, ...rest);
  };
  XMLHttpRequest.prototype.send = function(...args) {
    const start = this.gridAidStart;
    if (start) {
      this.addEventListener('load', () => {
        if (this.status !== 200) {
          return;
        }
        try {
          const instance = JSON.parse(this.responseText);
          if (String(instance.definitionId || '').startsWith(`${PROCESS_KEY}:`) && /^\d+$/.test(instance.businessKey || '')) {
            follow(decodeURIComponent(start[1]), instance.businessKey).catch(error => console.error(error));
          }
        } catch (error) {
          console.error(error);
        }
      });
    }
    return send.apply(this, args);
  };
}

watchStarts();

export default [];
