import { useReason } from '../../i18n/i18n';

/** A flag's reason in the interface language; the rule's own English wording stays available on hover. */
export function Reason({ text, as: Tag = 'div' }: { text: string; as?: 'div' | 'p' }) {
  const shown = useReason(text);
  return <Tag className="flag-reason" data-testid="flag-reason" title={shown === text ? undefined : text}>{shown}</Tag>;
}
