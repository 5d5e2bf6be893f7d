import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { roleLabel } from '../labels';
import { href } from '../router';

/** "Документтерди жок кылуу актысы" for `destruction`; an unknown kind shows as it is. */
export function actKindLabel(t: TFunction, kind: string): string {
  return t(`acts.kind.${kind}`, { defaultValue: kind });
}

export function actStateLabel(t: TFunction, state: string): string {
  return t(`acts.state.${state}`, { defaultValue: state });
}

export function itemKindLabel(t: TFunction, kind: string): string {
  return t(`acts.itemKind.${kind}`, { defaultValue: kind });
}

/** A signer's place on the act (commission chair, member, director, outgoing / incoming clerk), else the role's name. */
export function signerRoleLabel(t: TFunction, role: string): string {
  return t(`acts.signerRole.${role}`, { defaultValue: roleLabel(t, role) });
}

/** The act's state in words, as a badge that also carries the raw value (`data-value`) for tests. */
export function ActStateBadge({ value, testId }: { value: string; testId?: string }): ReactElement {
  const { t } = useTranslation();
  return (
    <span className={`state act-state act-state-${value}`} data-testid={testId} data-value={value}>
      {actStateLabel(t, value)}
    </span>
  );
}

/**
 * Where an act is read and signed: a breach case's report (kind `breach_report`, issue 9) on the case's page,
 * which shows the case beside its signatures; every other act on its own page.
 */
export function actHref(kind: string, id: string): string {
  return kind === 'breach_report' ? href(`/breaches/${id}`) : href(`/acts/${id}`);
}

/** Acts that list documents (destruction, custody transfer); a breach report lists none. */
export function actHasItems(kind: string): boolean {
  return kind !== 'breach_report';
}
