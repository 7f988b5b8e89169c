import type { Lang } from '../../shared/model/segment';

const TEXT: Record<Lang, string> = { zh: '中', en: 'EN', mixed: '中EN' };

export function LangBadge({ lang }: { lang: Lang }) {
  return <span className={`lang-badge lang-${lang}`} title={lang}>{TEXT[lang]}</span>;
}
