/**
 * Server-rendered HTML for the staff pages. `html` is a tagged template that escapes every
 * interpolated value unless it is already SafeHtml (built by `html` itself), so a value from a
 * message can never become markup. No script anywhere; the stylesheet is served at /staff.css so
 * the Content-Security-Policy can forbid inline code and inline style alike.
 */

export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function render(value: unknown): string {
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: unknown[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? '');
  });
  return new SafeHtml(out);
}

export const KIND_LABEL: Record<string, string> = {
  'verify-benefits': 'Verify benefits',
  'awaiting-information': 'Awaiting information',
  'review-conflicts': 'Review conflicts',
  'review-message': 'Review message',
  'eligibility-rejected': 'Eligibility rejected',
};

/** 2026-01-05 10:00Z */
export function when(date: Date | string | null | undefined): string {
  if (!date) return '';
  const d = typeof date === 'string' ? new Date(date) : date;
  if (Number.isNaN(d.getTime())) return typeof date === 'string' ? date : '';
  return `${d.toISOString().slice(0, 16).replace('T', ' ')}Z`;
}

/** +18005551234 → (800) 555-1234; other numbers as stored. */
export function phone(e164: string | null | undefined): string | null {
  if (!e164) return null;
  const us = /^\+1(\d{3})(\d{3})(\d{4})$/.exec(e164);
  return us ? `(${us[1]}) ${us[2]}-${us[3]}` : e164;
}

export function bytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** A value or a visible "not given". */
export function value(v: string | null | undefined, missingText = 'not given'): SafeHtml {
  return v === null || v === undefined || v === '' ? html`<span class="none">${missingText}</span>` : html`${v}`;
}

/** Who is looking at a page, and the CSRF token every form on it carries. */
export interface Viewer {
  userId: string | null;
  email: string;
  role: 'biller' | 'admin';
  csrf: string;
}

/** The hidden field every form posts: the synchronizer token of the viewer's session. */
export function csrfField(csrf: string): SafeHtml {
  return html`<input type="hidden" name="_csrf" value="${csrf}">`;
}

/** A one-button form posting to `action` (a path of ours), with the CSRF token and hidden fields. */
export function postButton(action: string, label: string, csrf: string, fields: Record<string, string> = {}, cls = ''): SafeHtml {
  return html`<form method="post" action="${action}" class="inline">${csrfField(csrf)}${Object.entries(fields).map(
    ([k, v]) => html`<input type="hidden" name="${k}" value="${v}">`,
  )}<button type="submit"${cls ? html` class="${cls}"` : ''}>${label}</button></form>`;
}

/** The Done button: a plain form post, then back to `back` (a path of ours). */
export function doneButton(taskId: string, back: string, csrf: string): SafeHtml {
  return postButton(`/tasks/${taskId}/done`, 'Done', csrf, { back });
}

function topBar(viewer: Viewer | null): SafeHtml {
  if (!viewer) return html`<header class="top"><span class="home">VOB staff</span></header>`;
  return html`<header class="top"><a href="/" class="home">VOB staff queue</a>${
    viewer.role === 'admin' ? html` <a href="/admin/users">Users</a> <a href="/admin/audit">Audit log</a> <a href="/admin/settings">Settings</a> <a href="/admin/figures">Center figures</a>` : ''
  }<span class="who">${viewer.email} (${viewer.role}) ${postButton('/logout', 'Log out', viewer.csrf, {}, 'secondary')}</span></header>`;
}

export function page(title: string, body: SafeHtml, { wide = false, viewer = null }: { wide?: boolean; viewer?: Viewer | null } = {}): string {
  return `<!doctype html>
${html`<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${title}</title><link rel="stylesheet" href="/staff.css"></head>
<body${wide ? html` class="wide"` : ''}>
${topBar(viewer)}
<main>
${body}
</main>
</body></html>
`}`;
}

export const STAFF_CSS = `
:root{--fg:#1b1f24;--muted:#667085;--line:#d8dde3;--bg:#f6f7f9;--card:#fff;--accent:#1f5fbf;--warn:#b42318;--warnbg:#fef3f2;--okbg:#ecfdf3;--ok:#067647;--pause:#8a6d00}
*{box-sizing:border-box}
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:var(--fg);background:var(--bg)}
header.top{background:#20324a;padding:.6em 1.5em}
header.top a,header.top span.home{color:#fff;text-decoration:none;font-weight:600;margin-right:1em}
header.top .who{float:right;color:#dfe6ee}
button.secondary{background:var(--card);color:var(--accent)}
form.stack{display:grid;gap:.6em;max-width:26em}
form.stack label{display:grid;gap:.2em}
input,select,textarea{font:inherit;padding:.3em .5em;border:1px solid var(--line);border-radius:4px}
.error{background:var(--warnbg);border:1px solid #fecdca;color:var(--warn);padding:.5em .8em;border-radius:4px}
form.filters{display:flex;flex-wrap:wrap;gap:.5em;align-items:end;margin:.3em 0 .8em}
form.filters label{display:grid;gap:.1em;font-size:.85em;color:var(--muted)}
form.search input{min-width:32em;max-width:100%}
main{max-width:1200px;margin:0 auto;padding:1em 1.5em 3em}
body.wide main{max-width:none}
h1{font-size:1.45em;margin:.4em 0 .2em}
h2{font-size:1.08em;margin:0 0 .5em;color:#20324a}
a{color:var(--accent)}
.sub{color:var(--muted);margin:0 0 1em}
.none{color:var(--muted);font-style:italic}
.source{display:inline-block;margin-left:.4em;padding:0 .45em;border-radius:.7em;font-size:.75em;font-weight:600;background:#eef2f6;color:#344054;white-space:nowrap;vertical-align:middle}
.source.card{background:#eaf2ff;color:#1b4fa0}
.source.answer{background:#fff6d6;color:var(--pause)}
.source.correction{background:#f4ebff;color:#5925a6}
.source.unknown{background:none;color:var(--muted)}
.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(320px,1fr));gap:1em;margin-bottom:1em}
section.box{background:var(--card);border:1px solid var(--line);border-radius:6px;padding:.9em 1.1em;margin-bottom:1em}
.grid section.box{margin-bottom:0}
dl.fields{display:grid;grid-template-columns:max-content 1fr;gap:.25em 1em;margin:0}
dl.fields dt{color:var(--muted)}
dl.fields dd{margin:0;font-weight:500;overflow-wrap:anywhere}
section.box h2 + table,section.box dl + h2{margin-top:.8em}
table{border-collapse:collapse;width:100%;background:var(--card)}
th,td{border-bottom:1px solid var(--line);padding:.45em .55em;text-align:left;vertical-align:top}
th{font-size:.85em;color:var(--muted);font-weight:600;background:#fafbfc}
tr.paused td{color:var(--muted)}
tr.overdue td.due{color:var(--warn);font-weight:600}
.missing,section.box.missing{background:var(--warnbg);border-color:#fecdca}
.missing ul{margin:.2em 0 0 1.2em;padding:0}
.missing li{color:var(--warn);font-weight:600}
.complete,section.box.complete{background:var(--okbg);border-color:#abefc6;color:var(--ok)}
.badge{display:inline-block;padding:.05em .55em;border-radius:1em;font-size:.8em;font-weight:600;background:#eef2f6;color:#344054;vertical-align:middle}
.badge.awaiting-information,.badge.paused{background:#fff6d6;color:var(--pause)}
.badge.ready,.badge.open,.badge.sent,.badge.verified{background:var(--okbg);color:var(--ok)}
.badge.needs-review,.badge.failed,.badge.uncertain,.badge.suppressed{background:var(--warnbg);color:var(--warn)}
.badge.overdue{background:var(--warn);color:#fff}
nav.filters{display:flex;flex-wrap:wrap;gap:.4em;margin:.3em 0 .8em;align-items:center}
nav.filters span.label{color:var(--muted);margin-right:.3em;min-width:3.5em}
nav.filters a{padding:.2em .7em;border:1px solid var(--line);border-radius:1em;background:var(--card);text-decoration:none;color:var(--fg)}
nav.filters a.on{background:#20324a;color:#fff;border-color:#20324a}
nav.filters a .n{font-weight:700;margin-left:.3em}
form.inline{display:inline;margin:0}
button,a.button{font:inherit;padding:.3em .9em;border-radius:4px;border:1px solid #1b4fa0;background:var(--accent);color:#fff;cursor:pointer;text-decoration:none;display:inline-block}
a.button.secondary{background:var(--card);color:var(--accent)}
.cards{display:flex;flex-wrap:wrap;gap:1em}
figure{margin:0;background:var(--card);border:1px solid var(--line);border-radius:6px;padding:.5em;max-width:560px}
figure img{display:block;max-width:100%;max-height:420px;height:auto}
.card-row{grid-template-columns:repeat(auto-fit,minmax(300px,1fr))}
.card-row .cards figure{max-width:100%}
.zoom{display:none}
.zoom:target{display:flex;flex-direction:column;align-items:center;justify-content:center;gap:.6em;position:fixed;inset:0;z-index:10;padding:1em}
.zoom .shade{position:absolute;inset:0;background:rgba(16,24,40,.82);z-index:-1}
.zoom img{max-width:96vw;max-height:86vh;background:#fff;box-shadow:0 4px 24px rgba(0,0,0,.5)}
figcaption{font-size:.85em;color:var(--muted);margin-top:.3em;overflow-wrap:anywhere}
pre.body{white-space:pre-wrap;overflow-wrap:anywhere;background:var(--card);border:1px solid var(--line);border-radius:6px;padding:1em;max-height:36em;overflow:auto;font:13px/1.45 ui-monospace,Menlo,Consolas,monospace}
td.num{white-space:nowrap}
form.worksheet fieldset{border:1px solid var(--line);border-radius:4px;margin:0 0 .6em;padding:.4em .8em}
form.worksheet .row{display:flex;flex-wrap:wrap;gap:.5em;align-items:end;margin:.3em 0}
form.worksheet label{display:grid;gap:.1em;font-size:.85em;color:var(--muted)}
form.worksheet td input[type=number]{width:5.5em}
form.worksheet td input[type=text]{width:8em}
form.worksheet td{padding:.3em .3em;white-space:nowrap}
form.worksheet td select{max-width:7.5em}
form.worksheet fieldset{overflow-x:auto}
details.reverify>summary{display:inline-block;padding:.3em .9em;border-radius:4px;border:1px solid #1b4fa0;color:var(--accent);margin-bottom:.6em}
details{margin:.3em 0}
details summary{cursor:pointer}
`;
