/** Translation lookup for the current interface language, and the wording of undo steps. */
import { FLAG_KINDS, type FlagKind } from '../../shared/model/flag';
import type { StepLabel } from '../../shared/edit';
import type { UiLocale } from '../../shared/ipc';
import { localizeReason } from '../../shared/i18n/reasons';
import { CATALOGUES, format, type MessageKey } from './messages';
import { useApp } from '../state/store';

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function translator(locale: UiLocale): Translate {
  const catalogue = CATALOGUES[locale];
  return (key, params) => format(catalogue[key], params);
}

export function useT(): Translate {
  const locale = useApp((s) => s.locale);
  return translator(locale);
}

/** A flag's reason in the interface language (rules write English; shared/i18n/reasons.ts words it in Chinese). */
export function useReason(reason: string): string {
  const locale = useApp((s) => s.locale);
  return localizeReason(reason, locale);
}

/** The interface language for an OS/browser locale such as `zh-CN`. */
export function localeFrom(tag: string | undefined): UiLocale {
  return tag?.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

export function kindName(t: Translate, kind: string): string {
  return (FLAG_KINDS as readonly string[]).includes(kind) ? t(`kind.${kind as FlagKind}`) : kind;
}

/** "accept 214 filler flags" / "接受 214 个语气词标记". */
export function stepText(t: Translate, label: StepLabel, locale: UiLocale): string {
  const what = label.rule ? `${label.rule} ` : label.kind ? `${kindName(t, label.kind).toLowerCase()} ` : '';
  const count = label.count ?? 1;
  return t(`step.${label.action}`, { count, s: count === 1 ? '' : 's', what: locale === 'zh' ? what.trim() : what, text: label.text ?? '' });
}
