#!/usr/bin/env node
'use strict';
// Proves the local mail lab (scripts/services.sh) works end to end, with Node built-ins only:
// IMAP login + STARTTLS + auto-created folders + 100 parallel sessions, SMTP delivery to a .test
// mailbox and to the sink, PostgreSQL login and CREATE DATABASE, Redis PING.
// Usage: node scripts/lab-check.js   (exit 0 when every check passed)
const net = require('node:net');
const tls = require('node:tls');
const fs = require('node:fs');
const path = require('node:path');
const crypto = require('node:crypto');
const { execFileSync } = require('node:child_process');

const HOST = '127.0.0.1';
const IMAP_PORT = 1143;
const SMTP_PORT = 2525;
const REDIS_PORT = 6379;
const PG_URL = 'postgresql://vob:vob@127.0.0.1:5432/vob';
// VOB_LAB_DIR: another lab state folder (mail/ and tls/cert.pem), e.g. to check a copy of the lab.
const LAB = process.env.VOB_LAB_DIR || path.join(__dirname, '..', '.lab');
const CA_FILE = path.join(LAB, 'tls', 'cert.pem');

/** Line-oriented client over a socket that can be upgraded to TLS in place. */
class LineClient {
  constructor(socket) {
    this.buf = '';
    this.waiters = [];
    this.attach(socket);
  }
  attach(socket) {
    this.socket = socket;
    socket.setEncoding('utf8');
    socket.on('data', (d) => { this.buf += d; this.pump(); });
    socket.on('error', (e) => { this.error = e; this.pump(); });
    socket.on('close', () => { this.closed = true; this.pump(); });
  }
  pump() {
    for (const w of [...this.waiters]) {
      const r = w.test(this.buf);
      if (r !== undefined) {
        this.waiters.splice(this.waiters.indexOf(w), 1);
        this.buf = this.buf.slice(r.consumed);
        clearTimeout(w.timer);
        w.resolve(r.value);
      } else if (this.error || this.closed) {
        this.waiters.splice(this.waiters.indexOf(w), 1);
        clearTimeout(w.timer);
        w.reject(this.error || new Error(`connection closed; unread: ${JSON.stringify(this.buf.slice(0, 200))}`));
      }
    }
  }
  /** Wait until test(buf) returns {consumed, value}. */
  until(test, what, ms = 10000) {
    return new Promise((resolve, reject) => {
      const w = { test, resolve, reject };
      w.timer = setTimeout(() => {
        this.waiters.splice(this.waiters.indexOf(w), 1);
        reject(new Error(`timeout waiting for ${what}; got ${JSON.stringify(this.buf.slice(0, 300))}`));
      }, ms);
      this.waiters.push(w);
      this.pump();
    });
  }
  write(s) { this.socket.write(s); }
  close() { this.socket.destroy(); }
}

function connect(port) {
  return new Promise((resolve, reject) => {
    const s = net.connect({ host: HOST, port }, () => resolve(s));
    s.once('error', reject);
  });
}

// ---------------------------------------------------------------- IMAP
class Imap extends LineClient {
  constructor(socket) { super(socket); this.n = 0; }
  greeting() {
    return this.until((b) => { const i = b.indexOf('\r\n'); return i < 0 ? undefined : { consumed: i + 2, value: b.slice(0, i) }; }, 'IMAP greeting');
  }
  /** Send a tagged command; resolves {status, text, lines}. */
  async cmd(command) {
    const tag = `c${++this.n}`;
    this.write(`${tag} ${command}\r\n`);
    return this.until((b) => {
      const m = new RegExp(`(^|\\r\\n)${tag} (OK|NO|BAD)([^\\r\\n]*)\\r\\n`).exec(b);
      if (!m) return undefined;
      const end = m.index + m[0].length;
      return { consumed: end, value: { status: m[2], text: m[3].trim(), lines: b.slice(0, m.index).split('\r\n') } };
    }, `reply to ${command.split(' ')[0]}`);
  }
  async starttls() {
    const r = await this.cmd('STARTTLS');
    if (r.status !== 'OK') throw new Error(`STARTTLS refused: ${r.text}`);
    const plain = this.socket;
    plain.removeAllListeners('data');
    const secure = await new Promise((resolve, reject) => {
      const s = tls.connect({ socket: plain, ca: fs.readFileSync(CA_FILE), servername: 'mail.test' }, () => resolve(s));
      s.once('error', reject);
    });
    this.attach(secure);
    return secure;
  }
}

async function imapOpen(user, password = 'test') {
  const c = new Imap(await connect(IMAP_PORT));
  await c.greeting();
  const r = await c.cmd(`LOGIN "${user}" "${password}"`);
  return { c, r };
}

// ---------------------------------------------------------------- SMTP
class Smtp extends LineClient {
  reply() {
    return this.until((b) => {
      const m = /(^|\r\n)(\d{3}) [^\r\n]*\r\n/.exec(b);
      if (!m) return undefined;
      const end = m.index + m[0].length;
      return { consumed: end, value: { code: Number(m[2]), text: b.slice(0, end).trim() } };
    }, 'SMTP reply');
  }
  async step(line, expect) {
    if (line !== null) this.write(`${line}\r\n`);
    const r = await this.reply();
    if (r.code !== expect) throw new Error(`SMTP ${line ?? 'greeting'} -> ${r.text}`);
    return r;
  }
}

async function smtpSend(from, to, subject, token) {
  const c = new Smtp(await connect(SMTP_PORT));
  try {
    await c.step(null, 220);
    await c.step('EHLO lab-check.test', 250);
    await c.step(`MAIL FROM:<${from}>`, 250);
    await c.step(`RCPT TO:<${to}>`, 250);
    await c.step('DATA', 354);
    const msg = [
      `From: <${from}>`, `To: <${to}>`, `Subject: ${subject}`,
      `Message-ID: <${token}@lab-check.test>`, `Date: ${new Date().toUTCString()}`,
      'MIME-Version: 1.0', 'Content-Type: text/plain; charset=utf-8', '', `lab check ${token}`, '.', '',
    ].join('\r\n');
    c.write(msg);
    await c.step(null, 250);
    await c.step('QUIT', 221);
  } finally {
    c.close();
  }
}

/** Poll a Maildir's new/ and cur/ for a file containing the token. */
async function findInMaildir(dir, token, ms = 15000) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    for (const sub of ['new', 'cur']) {
      const d = path.join(dir, sub);
      if (!fs.existsSync(d)) continue;
      for (const f of fs.readdirSync(d)) {
        const p = path.join(d, f);
        if (fs.readFileSync(p, 'utf8').includes(token)) return p;
      }
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no message with ${token} in ${dir} after ${ms} ms`);
}

// ---------------------------------------------------------------- checks
const checks = [];
function check(name, fn) { checks.push({ name, fn }); }

check('IMAP 1143: LOGIN verification@vob.test/test, STARTTLS offered', async () => {
  const c = new Imap(await connect(IMAP_PORT));
  try {
    const g = await c.greeting();
    if (!/^\* OK/.test(g)) throw new Error(`greeting ${g}`);
    const cap = await c.cmd('CAPABILITY');
    if (!/STARTTLS/.test(cap.lines.join(' '))) throw new Error(`no STARTTLS in ${cap.lines.join(' ')}`);
    const r = await c.cmd('LOGIN "verification@vob.test" "test"');
    if (r.status !== 'OK') throw new Error(`LOGIN ${r.status} ${r.text}`);
    const list = await c.cmd('LIST "" "*"');
    const names = list.lines.join('\n');
    for (const box of ['INBOX', 'Processed', 'Needs-Review']) {
      if (!names.includes(box)) throw new Error(`folder ${box} missing: ${names}`);
    }
    await c.cmd('LOGOUT');
  } finally { c.close(); }
});

check('IMAP 1143: wrong password and non-.test user are refused', async () => {
  for (const [u, p] of [['verification@vob.test', 'nope'], ['someone@example.com', 'test']]) {
    const { c, r } = await imapOpen(u, p);
    c.close();
    if (r.status !== 'NO') throw new Error(`LOGIN ${u}/${p} gave ${r.status}`);
  }
});

check('IMAP 1143: STARTTLS with the lab CA (.lab/tls/cert.pem), then LOGIN', async () => {
  const c = new Imap(await connect(IMAP_PORT));
  try {
    await c.greeting();
    const s = await c.starttls();
    if (!s.authorized) throw new Error(`certificate not trusted: ${s.authorizationError}`);
    const r = await c.cmd('LOGIN "verification@vob.test" "test"');
    if (r.status !== 'OK') throw new Error(`LOGIN over TLS ${r.status} ${r.text}`);
    await c.cmd('LOGOUT');
  } finally { c.close(); }
});

check('IMAP 1143: 110 simultaneous sessions of one user from one IP', async () => {
  const sessions = await Promise.all(Array.from({ length: 110 }, () => imapOpen('verification@vob.test')));
  try {
    const bad = sessions.filter((s) => s.r.status !== 'OK');
    if (bad.length) throw new Error(`${bad.length} of 110 refused: ${bad[0].r.text}`);
    const sel = await sessions[0].c.cmd('SELECT INBOX');
    if (sel.status !== 'OK') throw new Error(`SELECT ${sel.text}`);
  } finally { for (const s of sessions) s.c.close(); }
});

check('SMTP 2525: to verification@vob.test lands in its Maildir and over IMAP', async () => {
  const token = `lab-${crypto.randomUUID()}`;
  await smtpSend('lab-check@sender.test', 'verification@vob.test', `lab check ${token}`, token);
  await findInMaildir(path.join(LAB, 'mail', 'vob.test', 'verification'), token);
  const { c } = await imapOpen('verification@vob.test');
  try {
    await c.cmd('SELECT INBOX');
    const s = await c.cmd(`UID SEARCH HEADER Message-ID "${token}"`);
    if (!/\* SEARCH \d+/.test(s.lines.join('\n'))) throw new Error(`IMAP SEARCH did not find it: ${s.lines.join(' ')}`);
  } finally { c.close(); }
});

check('SMTP 2525: to someone@example.com lands in sink@mail.test', async () => {
  const token = `lab-${crypto.randomUUID()}`;
  await smtpSend('verification@vob.test', 'someone@example.com', `lab check ${token}`, token);
  const file = await findInMaildir(path.join(LAB, 'mail', 'mail.test', 'sink'), token);
  const text = fs.readFileSync(file, 'utf8');
  if (!/someone@example\.com/.test(text)) throw new Error('original recipient not visible in the delivered message');
});

check('PostgreSQL 5432: vob/vob logs in, select 1, CREATE/DROP DATABASE', async () => {
  const psql = (sql) => execFileSync('psql', [PG_URL, '-qtAX', '-v', 'ON_ERROR_STOP=1', '-c', sql],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, PGCONNECT_TIMEOUT: '5' } }).trim();
  if (psql('select 1') !== '1') throw new Error('select 1 did not return 1');
  const db = `lab_check_${process.pid}_${Date.now()}`;
  psql(`CREATE DATABASE ${db}`);
  psql(`DROP DATABASE ${db}`);
});

check('Redis 6379: PING -> PONG', async () => {
  const c = new LineClient(await connect(REDIS_PORT));
  try {
    c.write('PING\r\n');
    const r = await c.until((b) => (b.includes('\r\n') ? { consumed: b.length, value: b.trim() } : undefined), 'PONG');
    if (r !== '+PONG') throw new Error(`got ${r}`);
  } finally { c.close(); }
});

(async () => {
  let passed = 0;
  let failed = 0;
  for (const { name, fn } of checks) {
    const t0 = Date.now();
    try {
      await fn();
      passed++;
      console.log(`ok    ${name} (${Date.now() - t0} ms)`);
    } catch (e) {
      failed++;
      console.log(`FAIL  ${name}: ${e && e.message ? e.message : e}`);
    }
  }
  console.log(`lab-check: ${passed} passed, ${failed} failed`);
  process.exitCode = failed ? 1 : 0;
})();
