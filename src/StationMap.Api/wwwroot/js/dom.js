// Tiny DOM helpers shared by both pages (no framework: the pages must load fast on a slow phone).

/** el('a', { href }, 'text', child) — props are assigned as DOM properties; null children are skipped. */
export function el(tag, props = {}, ...children) {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children.flat().filter((c) => c !== null && c !== undefined && c !== ''));
  return node;
}

/** A plain table: headers as text, rows as arrays of text or nodes. */
export function table(headers, rows, className = 'grid') {
  return el('table', { className },
    el('thead', {}, el('tr', {}, headers.map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, rows.map((cells) => el('tr', {}, cells.map((c) => el('td', {}, c ?? ''))))));
}

/** Saves a fetched blob under its server-given name. */
export function saveBlob({ blob, name }) {
  const url = URL.createObjectURL(blob);
  const a = el('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}
