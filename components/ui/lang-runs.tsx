import { Fragment } from 'react';
import type { Locale } from '@/lib/i18n/locale';

// Han characters and the CJK punctuation and full-width forms around them.
const CHINESE_RUN = /([\u2e80-\u2fff\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]+)/u;

/**
 * English text that quotes NetEase's Chinese labels (设置, 开启…), with each Chinese run marked
 * `lang="zh-CN"` so screen readers switch voice for it. Chinese pages need no marking.
 */
export function LangRuns({ text, locale }: { text: string; locale: Locale }) {
  if (locale === 'zh') return text;
  // With a capturing group, split() puts the Chinese runs at the odd indexes.
  return text.split(CHINESE_RUN).map((part, index) =>
    index % 2 === 1 ? (
      <span key={index} lang="zh-CN">
        {part}
      </span>
    ) : (
      <Fragment key={index}>{part}</Fragment>
    ),
  );
}
