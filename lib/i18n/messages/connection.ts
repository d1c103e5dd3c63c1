import type { Locale } from '@/lib/i18n/locale';

// What a passing check says the client will get (components/accounts/connection-summary.tsx):
// push or polling, and the servers, ports and login name in use. Shown by the wizard's result
// step and by /accounts, so kept in a catalog of its own that both carry. `{name}`-style
// placeholders are filled with `format`.

const zh = {
  title: '客户端会这样连接',
  deliveryLabel: '新邮件',
  delivery: {
    push: '即时推送',
    polling: '定时收取',
    unknown: '还不确定',
  },
  deliveryNote: {
    push: '服务器支持推送（IMAP IDLE），新邮件一到就会通知客户端。',
    polling: '服务器不支持推送（IMAP IDLE），客户端会每隔几分钟查一次有没有新邮件。',
    unknown: '检测时服务器没有列出它支持哪些功能。客户端连接时会再问一次：支持推送就即时推送，否则定时收取。',
  },
  imapLabel: '收信服务器（IMAP）',
  smtpLabel: '发信服务器（SMTP）',
  loginLabel: '登录名',
  // {host}, {port}: the server; {tls}: its encryption's name.
  server: '{host}，端口 {port}，{tls}',
  tls: { implicit: 'SSL/TLS', starttls: 'STARTTLS' },
};

export type ConnectionMessages = typeof zh;

const en: ConnectionMessages = {
  title: 'How our app will connect',
  deliveryLabel: 'New mail',
  delivery: {
    push: 'Pushed at once',
    polling: 'Fetched every few minutes',
    unknown: 'Not known yet',
  },
  deliveryNote: {
    push: 'The server offers push (IMAP IDLE): it tells the app as soon as new mail arrives.',
    polling: 'The server does not offer push (IMAP IDLE), so the app asks every few minutes whether there is new mail.',
    unknown:
      'The server did not list what it supports during the check. The app asks again when it connects: with push if the server offers it, else every few minutes.',
  },
  imapLabel: 'Incoming server (IMAP)',
  smtpLabel: 'Outgoing server (SMTP)',
  loginLabel: 'Login name',
  server: '{host}, port {port}, {tls}',
  tls: { implicit: 'SSL/TLS', starttls: 'STARTTLS' },
};

export const CONNECTION_MESSAGES: Record<Locale, ConnectionMessages> = { zh, en };
