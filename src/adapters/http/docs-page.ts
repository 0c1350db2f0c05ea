/** A self-contained API reference page (no CDN: the server works offline). */
export const DOCS_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Candidates Portal API</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font-family:system-ui,sans-serif;margin:0;color:#1d2330;background:#f7f8fa}
header{background:#1d2330;color:#fff;padding:16px 24px}main{max-width:1100px;margin:0 auto;padding:16px 24px}
h2{margin-top:28px;border-bottom:1px solid #dde;padding-bottom:4px}
details{background:#fff;border:1px solid #dde;border-radius:6px;margin:8px 0;padding:8px 12px}
summary{cursor:pointer}.m{display:inline-block;min-width:60px;font-weight:700;text-transform:uppercase}
.get{color:#0a7}.post{color:#06c}.put{color:#c70}.delete{color:#c33}.patch{color:#850}
pre{background:#f0f2f5;padding:8px;overflow:auto;font-size:12px}.lock{color:#888;font-size:12px}
</style></head><body><header><h1 id="title">Candidates Portal API</h1><div id="sub"></div></header>
<main id="main">Loading /openapi.json…</main>
<script src="/docs/app.js"></script></body></html>`;

export const DOCS_JS = `(async function(){
  const doc = await (await fetch('/openapi.json')).json();
  document.getElementById('title').textContent = doc.info.title + ' ' + doc.info.version;
  document.getElementById('sub').textContent = doc.info.description || '';
  const byTag = {};
  for (const [path, ops] of Object.entries(doc.paths || {})) for (const [method, op] of Object.entries(ops)) {
    const tag = (op.tags && op.tags[0]) || 'other'; (byTag[tag] = byTag[tag] || []).push({path, method, op});
  }
  const main = document.getElementById('main'); main.textContent = '';
  for (const tag of Object.keys(byTag).sort()) {
    const h = document.createElement('h2'); h.textContent = tag; main.appendChild(h);
    for (const {path, method, op} of byTag[tag]) {
      const d = document.createElement('details'); const s = document.createElement('summary');
      const m = document.createElement('span'); m.className = 'm ' + method; m.textContent = method;
      s.appendChild(m); s.appendChild(document.createTextNode(' ' + path + ' — ' + (op.summary || '')));
      if (op.security) { const l = document.createElement('span'); l.className = 'lock'; l.textContent = ' (bearer token)'; s.appendChild(l); }
      d.appendChild(s); const pre = document.createElement('pre');
      pre.textContent = JSON.stringify({parameters: op.parameters, requestBody: op.requestBody, responses: op.responses}, null, 2);
      d.appendChild(pre); main.appendChild(d);
    }
  }
})();`;
