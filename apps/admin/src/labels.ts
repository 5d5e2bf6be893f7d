import type { TFunction } from 'i18next';

/** Which translation namespace holds the names of an enum field's values. */
const ENUM_NAMESPACE: Record<string, string> = {
  classification: 'classification',
  previousClassification: 'classification',
  movedBecause: 'movedBecause',
  direction: 'direction',
  kind: 'kind',
  via: 'via',
  state: 'state',
  status: 'issueStatus',
  itemType: 'itemType',
  clearanceKind: 'clearanceKind',
  mediaKind: 'mediaKind',
};

/** The label of a payload or form field ("holderId" → "Кимге берилет"); unknown names show as they are. */
export function fieldLabel(t: TFunction, name: string): string {
  const key = name.split('.')[0] ?? name;
  return t(`field.${key}`, { defaultValue: name });
}

/** The name of one value of an enum field ("via", "post" → "Почта аркылуу"). */
export function optionLabel(t: TFunction, field: string, value: string): string {
  const ns = ENUM_NAMESPACE[field] ?? field;
  return t(`${ns}.${value}`, { defaultValue: value });
}

export function eventLabel(t: TFunction, type: string): string {
  return t(`event.${type}`, { defaultValue: type });
}

export function stateLabel(t: TFunction, state: string | null | undefined): string {
  if (!state) return '—';
  return t(`state.${state}`, { defaultValue: state });
}

export function roleLabel(t: TFunction, role: string): string {
  return t(`role.${role}`, { defaultValue: role });
}

export function classificationLabel(t: TFunction, c: string | null | undefined): string {
  return t(`classification.${c ?? 'none'}`, { defaultValue: c ?? '—' });
}
