import type { Messages } from './zh';

// English, second to Chinese. Labels of NetEase's own screens stay in Chinese beside their
// translation, because that is what the reader will see in webmail.

export const en: Messages = {
  meta: {
    title: 'Connect your mailbox · authorization code setup',
    description:
      'Switch on IMAP/SMTP, get an authorization code or app password, and see the mailbox really send and receive before it is saved. For NetEase Mail, QQ Mail, Sohu Mail, iCloud Mail and NetEase enterprise mail.',
  },
  header: {
    skipToWizard: 'Skip to the setup steps',
    switchTo: '中文',
    switchToLang: 'zh-CN',
    switchLabel: '切换为中文 / Switch to Chinese',
  },
  intro: {
    title: 'Connect your NetEase mailbox to our mail app',
    lead: 'NetEase Mail (163.com, 126.com, yeah.net) does not let mail apps log in with your login password. Instead you create a “client authorization code” (客户端授权码) in webmail and enter it here. Five illustrated steps take you through it.',
    codeTipTitle: 'It all comes down to one code',
    codeTip: 'A client authorization code is a 16-letter password NetEase issues for mail apps only; it is not the password you use to sign in to webmail. It is shown once, when it is created.',
    titleFor: 'Connect your {name} mailbox to our mail app',
    leadFor: '{name} does not let mail apps log in with your login password. Instead you create a password for mail apps only, the {credential}, and enter it here. Five steps take you through it.',
    codeTipTitleFor: 'It all comes down to the {credential}',
    codeTipFor: 'The {credential} is a password {name} issues for mail apps only; it is not the password you normally sign in with.',
  },
  wizard: {
    label: 'Setup steps',
    progressLabel: 'Setup progress',
    stepOf: 'Step {n} of {total}',
    stepNumber: 'Step {n}',
    shortFor: { get: 'Get the {credential}', paste: 'Paste the {credential}' },
    currentMarker: ' (current)',
    back: 'Back',
    next: 'Next',
    noscript:
      'JavaScript is off in your browser: all the steps are listed below in order, so you can follow them as a guide. The check in the last step needs JavaScript.',
    steps: {
      'core-parameters-configuration': { short: 'Address', title: 'Your address and its servers' },
      'access-settings': { short: 'Settings', title: 'Open the webmail settings' },
      'enable-service-and-get-code': { short: 'Get the code', title: 'Switch on the services and get the code' },
      'configure-in-client': { short: 'Paste the code', title: 'Paste the code and check' },
      result: { short: 'Result', title: 'Result' },
    },
  },
  address: {
    intro: 'First, tell us which mailbox to connect. The part after “@” tells us which servers it uses.',
    label: 'Email address',
    placeholder: 'e.g. zhangsan@163.com',
    hint: 'The whole address, including “@” and what follows. Full-width characters are fine; we convert them.',
    detected: 'Recognised: {name}',
    usingAddress: 'Address we will use: {address}',
    waiting: 'Once you type an address, the provider we recognise appears here.',
    detecting: 'Recognising…',
    unknown:
      'We do not recognise the provider of “{domain}” yet. For now this guide covers NetEase personal mail (163.com, 126.com, yeah.net), QQ Mail, Sohu Mail and iCloud Mail.',
    chosen: '{name} chosen: type your user name in front of the “@”.',
    chosenOwnDomain: '{name} chosen: it runs on your company’s own domain, so type your full work address (the company’s domain after the “@”); we will confirm it from that domain’s mail records (MX).',
    mx: {
      looking: 'Looking up the mail records (MX) of “{domain}” to see which provider hosts it…',
      found: 'From the mail records (MX) of “{domain}”: a company domain, hosted by {name}.',
      unknown_provider: 'The mail records (MX) of “{domain}” do not point to a provider we know. Please enter its servers below.',
      no_mx: '“{domain}” has no mail servers set up (no MX records), so this address may not receive mail. Please check the part after the “@”; if it is right, enter the servers below.',
      no_domain: 'There is no domain “{domain}”. Please check the spelling after the “@”; if you are sure it is right, you can still enter the servers below.',
      lookup_failed: 'The mail records (MX) of “{domain}” cannot be looked up right now. Try again later, or enter the servers below.',
      rate_limited: 'There have been too many mail record (MX) lookups from here lately, so “{domain}” was not looked up. Please try again in {minutes} min, or pick your provider below.',
    },
    manual: {
      title: 'Enter the servers yourself',
      intro: 'We do not recognise this mail service, so please enter its incoming (IMAP) and outgoing (SMTP) servers. The check connects exactly as set here; until you run it in step 4 you can come back and change them, and nothing you typed is lost.',
      basis: {
        provider: 'What is filled in are the servers this provider publishes.',
        mx_host: 'The {host} filled in is the mail server of “{domain}” (from its MX record): organisations running their own mail often receive and send on the same server.',
        mx_base_domain: 'The mail records (MX) of “{domain}” point to servers of {base}, so we guessed {imap} and {smtp} from the usual naming.',
        domain: 'There are no mail records to go by, so we guessed {imap} and {smtp} from the most common naming.',
        none: 'The usual server names under “{domain}” are servers of a mail provider we know, which manual setup does not connect to, so nothing is filled in. Please enter the servers your mail administrator or provider gives you.',
      },
      caution: 'This is only a guess. The settings your mail provider or administrator publishes are what count.',
      imapLegend: 'Incoming server (IMAP)',
      smtpLegend: 'Outgoing server (SMTP)',
      host: 'Server address',
      port: 'Port',
      tls: 'Encryption',
      portHint: {
        imap: 'Usually 993 with SSL/TLS and 143 with STARTTLS. Changing the encryption switches to its usual port unless you typed a port yourself.',
        smtp: 'Usually 465 with SSL/TLS and 587 with STARTTLS. Changing the encryption switches to its usual port unless you typed a port yourself.',
      },
      alternatives: 'Other usual addresses:',
      useAlternative: 'Use {host}',
      reset: 'Go back to our guess',
      username: 'The user name is the whole email address; the password is the one the provider gives mail apps (authorization code, app password), or the mailbox password if it has none.',
      summaryCaption: 'The servers you entered in step 1',
      summaryEdit: 'Back to step 1 to change the servers',
      summaryIncomplete: 'The servers in step 1 are not complete yet.',
    },
    chooser: {
      legend: 'Which mail provider do you use?',
      hint: 'Rather not type the whole address? Pick a provider and we fill in the part after the “@”; you add the user name before it.',
    },
    unconfirmedBadge: 'Unconfirmed',
    unconfirmed:
      'The servers for {domain} are inferred from the 163.com and 126.com pattern; NetEase has not published them. If the check fails, try again with the 163.com servers.',
    tableCaption: 'Server settings for {name}',
    defaultTableCaption: 'Server settings for NetEase 163 Mail (updates to match your address)',
    columns: { service: 'Service', host: 'Server', port: 'Port', security: 'Security' },
    rows: { imap: 'IMAP incoming', smtp: 'SMTP outgoing', pop3: 'POP3 incoming' },
    tls: { implicit: 'SSL/TLS', starttls: 'STARTTLS' },
    copy: 'Copy',
    copyLabel: 'Copy server name {value}',
    copied: 'Copied {value}',
    copyFailed: 'Could not copy; please select the text and copy it by hand.',
    username:
      'The user name is always the whole address, and the password is the authorization code, not your login password.',
    usernameFor: {
      address: 'The user name is the whole address, and the password is the {credential}, not your login password.',
      local_part:
        'For incoming mail (IMAP) the user name is first the part before the “@”; if that is refused, the check tries the whole address once. For outgoing mail (SMTP) it is the whole address. The password is the {credential}, not your login password.',
    },
    alternativeTitle: 'Fallback servers: {host}',
    alternativeCaption: 'Fallback server settings ({host})',
    alternativeIntro: 'Checks use the servers above and never move to these by themselves. Only after a check fails are you asked whether to try once more with them.',
  },
  access: {
    intro: 'Codes are created and managed in webmail only. Sign in there and find the settings page.',
    open: 'Open {name} webmail',
    opensInNewTab: ' (opens in a new tab)',
    otherWebmail: 'Other NetEase webmail:',
    instructions: [
      'Once signed in, click 设置 (Settings) at the top of the page.',
      'In the menu on the left, choose POP3/SMTP/IMAP.',
    ],
    path: 'The whole path:',
    phoneNote:
      'On a phone, if the webmail page has no 设置 (Settings), do this step and the next on a computer, then come back here.',
  },
  enable: {
    intro: 'On the POP3/SMTP/IMAP settings page, do the following in order.',
    instructions: [
      'Switch on IMAP/SMTP服务 (IMAP/SMTP service). Our app uses it to receive and send.',
      'Switch on POP3/SMTP服务 (POP3/SMTP service). Having both on is the safe choice.',
      'Click 开启 (Enable) next to 客户端授权密码 (client authorization password).',
      'As the page asks, send the given text by SMS from the phone bound to this mailbox.',
      'Once the SMS is sent, click 我已发送 (I have sent it) on the page.',
      'Copy the code as soon as it appears. Once the window is closed it cannot be shown again.',
    ],
    onceTitle: 'The code is shown only once',
    once: 'Copy it first, ideally into a password manager, and only then close the window. Missed it? No harm done: create a new one and delete the old one on the same page.',
    afterCode:
      'Once a code exists, mail apps can no longer log in with your login password, and receiving and sending (IMAP, POP3, SMTP) all share the same code.',
    noPhone: 'The SMS has to come from the phone number bound to this mailbox; a message from any other number will not pass.',
  },
  configure: {
    intro:
      'In our app the code goes where a password would. When you check, we really connect to your mailbox: it only counts as working when the incoming server opens your inbox and the outgoing server accepts your address as the sender, and only then is anything saved.',
    instructions: ['Paste the code you just copied into the “Client authorization code” field below: it is the mail app’s password.', 'Once the check passes, the mailbox status shows as “OK” (正常).'],
    addressLabel: 'Email address',
    codeLabel: 'Client authorization code',
    codeHint:
      '16 letters. Spaces, line breaks and invisible characters that come along when pasting are removed, and full-width letters are converted.',
    counter: '{length}/{expected}',
    counterLabel: '{length} characters entered; a code has {expected}',
    counterFree: '{length}',
    counterFreeLabel: '{length} characters entered',
    byProvider: {
      qq: {
        label: 'Authorization code',
        hint: '16 letters (the samples QQ shows are all lower case). Spaces, line breaks and invisible characters pasted with it are removed for you.',
        looks_like_password:
          'This looks like your QQ password rather than the authorization code, which is 16 letters only. A check with the QQ password always fails, and too many failures lock checks for a while.',
        wrong_length: 'The code should have {expected} letters. Check that nothing is missing or extra.',
        non_letters: 'The code is letters only, and this has digits or symbols. Check that nothing else was copied.',
      },
      sohu: {
        label: 'Separate password',
        hint: 'Sohu has not published the length or characters of the separate password (独立密码), so we do not check its format here and leave the verdict to Sohu’s server. What you enter is sent exactly as typed, spaces, full-width characters and symbols included; only a line break or invisible character that a paste left at either end is dropped.',
        looks_like_password: 'This looks like your webmail login password. Make sure it is the separate password.',
        wrong_length: 'Check that the separate password was copied whole.',
        non_letters: 'Check that nothing else was copied.',
      },
      icloud: {
        label: 'App-specific password',
        hint: 'Shaped like xxxx-xxxx-xxxx-xxxx: 16 lower-case letters; the hyphens may be pasted too and are not counted.',
        looks_like_password:
          'This looks like your Apple Account password rather than an app-specific password, which is 16 letters in four groups. A check with the Apple Account password always fails, and too many failures lock checks for a while.',
        wrong_length: 'An app-specific password has {expected} letters (hyphens not counted). Check that nothing is missing or extra.',
        non_letters: 'An app-specific password has only letters and hyphens, and this has digits or other symbols. Check that nothing else was copied.',
      },
      manual: {
        label: 'Mailbox password or app password',
        hint: 'If the provider offers an authorization code or app password, use it; otherwise the mailbox password. We do not know this service, so the format is not checked. The password is sent exactly as typed, spaces, full-width characters and symbols included; only a line break or invisible character that a paste left at either end is dropped.',
        looks_like_password: 'Check that this is the password the provider gives mail apps.',
        wrong_length: 'Check that the password was copied completely.',
        non_letters: 'Check that nothing else was copied.',
      },
      'netease-enterprise': {
        label: 'Client authorization password',
        hint: '16 characters. Spaces, line breaks and invisible characters pasted with it are removed for you.',
        looks_like_password:
          'This does not look like a client authorization password (it has 16 characters). A check with the webmail password always fails, and too many failures lock checks for a while.',
        wrong_length: 'The client authorization password should have {expected} characters. Check that nothing is missing or extra.',
        non_letters: 'Check that nothing else was copied.',
      },
    },
    cleaned: 'Removed spaces, line breaks or invisible characters from what was pasted.',
    warnings: {
      looks_like_password:
        'This looks like your webmail login password, not an authorization code. A code is 16 letters only. A login password always fails the check, and too many failures lock checks for a while.',
      wrong_length: 'A code has {expected} characters. Check that nothing was lost or added when copying.',
      non_letters: 'A code has letters only; this contains digits or symbols. Check that you copied the right thing.',
    },
    confirmPassword: 'It really is the code, check it',
    manualInvalid: 'The servers entered in step 1 have a problem, so nothing was checked. Please fix them as shown there and check again.',
    serversLegend: 'Which servers to use',
    serversOwn: 'The servers of {domain} (recommended)',
    serversAlternative: 'The fallback servers ({host})',
    serversHint: 'The check connects only to the set picked here and never moves to the other by itself. A check on the fallback servers counts towards the failure limit too.',
    submit: 'Check and save',
    submitting: 'Checking…',
    lockedUntil: 'Please try again after {time}',
    progressLabel: 'Check progress',
    imapName: 'Receiving (IMAP)',
    smtpName: 'Sending (SMTP)',
    idle: 'Not checked yet',
    imapRunning: 'Connecting to the incoming server…',
    smtpRunning: 'Verifying sending…',
    passed: 'Passed in {seconds} s',
    failed: 'Failed after {seconds} s',
    notTried: 'Not logged in: the incoming login did not succeed',
    networkError: 'The check did not finish: the connection dropped or the server had a problem. Please try again shortly.',
    noscript: 'The check needs JavaScript.',
  },
  result: {
    empty: 'No result yet. Paste your code in the previous step and choose “Check and save”.',
    goToForm: 'Paste the code',
    statusLabel: 'Mailbox status',
    statusOk: 'OK',
    successTitle: 'Connected: mailbox status “OK”',
    savedNote: 'Receiving and sending both passed, and the mailbox is saved to your account.',
    notSavedNote:
      'Receiving and sending both passed, but saving did not finish. Please check once more; if it still fails, contact our support.',
    manageLink: 'See and manage my mailboxes',
    nextTitle: 'What happens next',
    next: [
      'You can now read and send this mailbox’s mail in our app.',
      'If you ever delete or replace this code, come back and check with the new one: the same mailbox is updated, not added twice.',
      'Once the code is in your password manager, you never need to look for it in webmail again.',
    ],
    failureTitle: 'The connection did not work',
    failureNote: 'Nothing was saved. Go through the points below, then try again.',
    protocolFailed: '{protocol}: {title}',
    checklistTitle: 'Check, in this order',
    fixStep: 'Back to step {n}: {title}',
    serverSaid: 'The server’s own words ({protocol}, stopped at {stage})',
    technicalDetail: 'Technical detail (useful when contacting support)',
    fallbackTitle: 'Fallback servers are another option',
    fallbackOffer:
      'This check used {host}. If it still fails once you have gone through the points above, you can check once more with the fallback servers ({alt}). We never change servers by ourselves, and that check counts towards the failure limit like any other.',
    fallbackRetry: 'Check again with the fallback servers ({alt})',
    fallbackUsed: 'This check used the fallback servers you picked ({alt}). To go back to {host}, pick it again in step 4 and check.',
    retry: 'Check again',
    edit: 'Edit and check again',
    refusedTitle: {
      mailbox_locked: 'Checks of this mailbox are locked for now',
      provider_paused: 'Checks of {provider} are paused',
      manual_limited: 'No more checks of typed servers for now',
      account_limited: 'No more checks from your account for now',
      provider_busy: 'Checks of {provider} have to wait a little',
      check_running: 'This mailbox is being checked right now',
      too_many_running: 'You have too many checks running at once',
    },
    refused: {
      mailbox_locked:
        'Too many recent checks of this mailbox failed. Mail providers block a server that keeps failing to log in, so we have stopped checking it for a while. Use the time to double-check your {credential}.',
      provider_paused:
        '{provider} is refusing connections from our server for now. It is our checking server that is blocked, not your mailbox. To keep the block from growing longer, we have paused every check of {provider}.',
      manual_limited:
        'Many of your recent checks of servers you typed in failed. Each check connects from our server to the address you typed, so we limit how many may fail. Use the time to confirm the server names, ports and encryption with whoever runs your mail.',
      account_limited:
        'Too many recent checks from your account failed (all mailboxes together). Each failure is a refused login from our server at the mail provider, and providers block servers that collect too many, so your checks are stopped for a while. Use the time to double-check your {credential}.',
      provider_busy:
        'Refused logins at {provider} from all our users have reached the ceiling we set ourselves for now. To keep {provider} from blocking our server, new checks wait a little before they start. This is not about your mailbox: try again at the time below.',
      check_running:
        'A check of this mailbox is already running (perhaps started in another window). Wait for it to finish instead of starting another: every extra check is one more login.',
      too_many_running: 'You already have several checks running at once. Wait for some of them to finish before starting another.',
    },
    retryAt: 'Please try again after {time}',
    signedOutTitle: 'Please sign in first',
    signedOut:
      'The mailbox can only be saved to your account once you are signed in. Your place in the guide and your address are kept; for safety you will paste the code once more.',
    signIn: 'Sign in or sign up',
  },
  figures: {
    webmail: {
      title: 'Illustration: where the webmail settings are',
      description:
        'The webmail top bar ends with 设置 (Settings), marked 1; once it is open, the menu on the left has an item POP3/SMTP/IMAP, marked 2.',
    },
    switches: {
      title: 'Illustration: switching on the services and finding 开启',
      description:
        'The POP3/SMTP/IMAP page shows two switches, IMAP/SMTP服务 (marked 1) and POP3/SMTP服务 (marked 2), both on; below them, 客户端授权密码 has a 开启 (Enable) button, marked 3.',
    },
    sms: {
      title: 'Illustration: the SMS check from your bound phone',
      description:
        'The webmail asks you to send a given text by SMS from the bound phone; the phone shows that message written and sent (marked 4); then 我已发送 (I have sent it) is clicked on the page (marked 5).',
    },
    code: {
      title: 'Illustration: the new code (a sample)',
      description:
        'A dialog shows the new 16-letter code, here the made-up sample ABCDEFGHJKLMNPQR, with a copy hint and a reminder that it is shown only once (marked 6).',
      sample: 'Sample',
      copyHint: 'Copy',
      onceHint: 'Shown once: copy it now',
    },
    client: {
      title: 'Illustration: the code pasted into a mail app’s password field',
      description:
        'A mail app’s add-account form: the email field holds zhangsan@163.com and the password field holds the pasted authorization code, not the login password (marked 1).',
      email: 'Email',
      password: 'Password',
      pasteHint: 'Paste the code',
    },
    status: {
      title: 'Illustration: the mailbox shown as “OK”',
      description: 'In the account list, the row for zhangsan@163.com carries the status “OK” (正常), marked 2.',
      account: 'Accounts',
    },
  },
  faq: {
    title: 'Questions and answers',
    items: [
      {
        q: 'What is a “client authorization code”?',
        a: [
          'A password NetEase issues separately for mail apps, good only for reading and sending mail and unrelated to your webmail login password. If an app is ever compromised, your main password stays safe.',
        ],
      },
      {
        q: 'Can I manage the codes I have created?',
        a: [
          'Yes. Under 设置 → POP3/SMTP/IMAP in webmail you can see which devices use a code, switch off the ones you no longer need, or create new ones.',
          'Turning the code feature off altogether invalidates every code at once, and every app then needs a new one.',
        ],
      },
      {
        q: 'Why one code per app?',
        a: ['If a device is lost or retired, you switch off just its code and every other app keeps working.'],
      },
      {
        q: 'Is it the same for 163.com, 126.com and yeah.net?',
        a: [
          'Yes. They are all NetEase personal mail with the same security rules and the same steps; only the webmail address and the suffix in the server names differ.',
        ],
      },
      {
        q: 'Why do you start with the servers that match my address?',
        a: [
          'NetEase’s guidance says imap.163.com and smtp.163.com work for every suffix, but a public report shows a 126.com address failing on the 163.com servers exactly like a wrong password. So checks use your suffix’s own servers; the 163.com ones are only a fallback, which you may pick after a failed check.',
        ],
      },
      {
        q: 'I lost the code or did not copy it. Now what?',
        a: ['A code is shown only once and cannot be viewed later. Create a new one on the settings page and switch off the old one.'],
      },
      {
        q: 'Do 188.com and the VIP mailboxes work?',
        a: [
          'You can try. Their servers follow the same pattern but NetEase has not published them, and we mark them as unconfirmed. The check tells you whether they really work.',
        ],
      },
      {
        q: 'I use NetEase enterprise mail, QQ mail or another provider. Can I use this guide?',
        a: [
          'QQ Mail, Sohu Mail and iCloud Mail can: pick the provider in step 1 or type your address, and the later steps switch to that provider’s own way of doing things. So can NetEase enterprise mail on a company’s own domain: type the address and we recognise it from the domain’s mail records (MX).',
        ],
      },
      {
        q: 'How do you keep my code?',
        a: [
          'Only after it passes the check, encrypted, and only to read and send your mail. It never appears on a page, in a log or in a check result.',
        ],
      },
    ],
  },
  tips: {
    title: 'Staying safe',
    items: [
      { title: 'Codes only', body: 'Enter the authorization code in every mail app, never your webmail login password.' },
      { title: 'Keep it in a password manager', body: 'The code is shown once; save it to a password manager right away and copy it from there.' },
      { title: 'One code per app', body: 'Give every app or device its own code, so switching one off leaves the others alone.' },
      { title: 'Review authorised devices', body: 'Every so often, sign in to webmail, look at the list of authorised devices and remove those you no longer use.' },
      { title: 'Never hand it out', body: 'A code is as sensitive as a password. Nobody should ask you for it, our support included.' },
    ],
  },
  guide: {
    where: 'Where: ',
    expect: 'When it went right, you see: ',
    open: 'Open {label}',
    opensInNewTab: ' (opens in a new tab)',
    prerequisiteTitle: 'Before you start',
    onceTitle: 'The {credential} is shown once',
    once: 'Copy it straight away, ideally into a password manager, before you close the page. If you missed it, no harm done: make a new one.',
    namedExpires: 'Give it a name you will recognise and note its expiry date: once it expires, make a new one and update it here.',
    notesTitle: 'Good to know',
    assumptionsTitle: 'What we are not sure of',
    assumptionsIntro: 'These come from public sources and the provider has not confirmed them; where the provider’s page says otherwise, go by the page.',
    tips: {
      qq: 'QQ answers several failures with one sentence, being rate-limited among them. If the check is refused that way, check the code and the service switch, then wait at least 15 minutes before checking again.',
      sohu: 'If you turned on Sohu’s IP whitelist, our checking server is not on it and is refused: turn the whitelist off before checking.',
      icloud: 'Only an Apple Account with two-factor authentication can make app-specific passwords. Use your primary iCloud Mail address; an alias cannot sign in.',
      manual: 'If the check fails, first compare the server addresses, ports and encryption in step 1 with what the provider publishes, then the password. Some providers want IMAP/SMTP switched on in webmail first, or a password made for mail apps.',
      'netease-enterprise': 'Be sure to click 确定 (OK) when making the client authorization password, or it never takes effect. If your administrator limits the addresses that may sign in, our checking server must be allowed first.',
    },
    figures: {
      path: {
        title: 'Sketch: where the setting is in {name}',
        description: 'Sketch: a browser open at {url}, with {path} clicked in turn, each place numbered.',
      },
      code: {
        title: 'Sketch: what the {credential} looks like (made-up sample)',
        description: 'Sketch: a card showing the made-up sample {sample}, with a reminder to copy it now.',
        unknownDescription: 'Sketch: a card showing the {credential}; its length and format are not on record, so no characters are drawn.',
        unknownFormat: 'Format not published',
        copyNow: 'Copy it now',
      },
    },
  },
  notFound: {
    title: 'This page is not here',
    body: 'The link may be wrong, or the page is gone.',
    home: 'Back to the setup guide',
  },
  footer: {
    note: 'The illustrations are our own sketches; your webmail’s pages may look slightly different.',
  },
};
