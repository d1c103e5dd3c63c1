import type { Locale } from '@/lib/i18n/locale';

// The customer's side of 「联系客服」: the help code, what staff can and cannot see, and the
// "go to step N" suggestions staff send. Its own catalog so the wizard's and /accounts' client
// bundles carry only these words. `{n}`-style placeholders are filled with `format`.

const zh = {
  open: '联系客服',
  panelTitle: '联系客服',
  intro: '把下面的求助码告诉客服（电话或聊天都可以）。客服输入后，就能看到你在第几步、每次检测的结果和服务器的原话。',
  privacy: '客服看不到你的授权码，也看不到完整的邮箱地址。',
  codeLabel: '你的求助码',
  codeValidUntil: '请在 {time} 前告诉客服，过期后可以重新获取。',
  waiting: '等待客服输入求助码…',
  joined: '客服已接入，正在查看你的进度。',
  joinedBy: '客服「{name}」已接入，正在查看你的进度。',
  endAnyTime: '只有这一位客服能看到你的进度。不需要帮助了，随时可以结束。',
  end: '结束求助',
  ended: '求助已结束，客服看不到你的进度了。',
  close: '收起',
  starting: '正在获取求助码…',
  failed: '暂时无法获取求助码，请稍后再试。',
  // No help request was started (lib/support/help-sessions.ts HelpRefusal).
  rateLimited: '你（或你所在的网络）最近获取求助码的次数太多了，请 {minutes} 分钟后再试。',
  busy: '现在等待客服的人太多，暂时发不出新的求助码，请过几分钟再试。',
  suggestion: '客服建议你前往第 {n} 步：{title}',
  accept: '前往第 {n} 步',
  dismiss: '留在这里',
};

export type HelpMessages = typeof zh;

const en: HelpMessages = {
  open: 'Contact support',
  panelTitle: 'Contact support',
  intro: 'Tell support this help code, by phone or in a chat. Once they enter it they can see which step you are on, the result of each check and what the server said.',
  privacy: 'Support cannot see your authorization code, nor your full email address.',
  codeLabel: 'Your help code',
  codeValidUntil: 'Give it to support before {time}; after that you can get a new one.',
  waiting: 'Waiting for support to enter the code…',
  joined: 'Support has joined and can see your progress.',
  joinedBy: '{name} from support has joined and can see your progress.',
  endAnyTime: 'Only this one person can see your progress. Stop sharing whenever you no longer need help.',
  end: 'Stop sharing',
  ended: 'Help has ended; support can no longer see your progress.',
  close: 'Hide',
  starting: 'Getting a help code…',
  failed: 'Could not get a help code right now. Please try again in a moment.',
  rateLimited: 'You (or your network) have asked for help codes too often lately. Please try again in {minutes} min.',
  busy: 'Too many people are waiting for support right now, so no new help code can be given. Please try again in a few minutes.',
  suggestion: 'Support suggests going to step {n}: {title}',
  accept: 'Go to step {n}',
  dismiss: 'Stay here',
};

export const HELP_MESSAGES: Record<Locale, HelpMessages> = { zh, en };
