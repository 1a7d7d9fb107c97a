// Small DOM helpers: h builds elements from plain values (text is always set as
// text, never parsed as HTML, so server data cannot inject markup).

export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  if (attrs) {
    for (const [k, v] of Object.entries(attrs)) {
      if (v === undefined || v === null || v === false) continue;
      if (k === 'class') el.className = v;
      else if (k === 'style' && typeof v === 'object') Object.assign(el.style, v);
      else if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
      else if (k === 'value') el.value = v;
      else if (k === 'checked' || k === 'selected' || k === 'disabled') el[k] = !!v;
      else el.setAttribute(k, v === true ? '' : String(v));
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children) {
    if (c === undefined || c === null || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else if (c instanceof Node) el.appendChild(c);
    else el.appendChild(document.createTextNode(String(c)));
  }
}

export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

export function replace(el, ...children) {
  clear(el);
  append(el, children);
  return el;
}

let toastTimer = 0;
export function toast(msg, kind = 'info') {
  const t = document.getElementById('toast');
  if (!t) return;
  replace(t, h('div', { class: 'toast ' + kind }, msg));
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => clear(t), 5000);
}

let uid = 0;
export function nextId(prefix) {
  uid += 1;
  return prefix + '-' + uid;
}
