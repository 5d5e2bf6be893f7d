import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useRefList } from '../hooks';
import { optionLabel } from '../labels';
import { Field } from './ui';

/** What a labelled select has in common, whatever it offers. */
interface SelectFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** The text of a first option with the value "" ("all", "anyone", "choose"); without it there is none. */
  empty?: string;
  /** The field's error, shown under it. */
  error?: string;
  /** The control's own `required`. */
  required?: boolean;
  testId?: string;
}

/** A select over an enum's values, each named in the UI language by `optionLabel(t, field, value)`. */
export function EnumField(
  props: SelectFieldProps & {
    field: string;
    values: readonly string[];
    /** Tie the field's error to the control with `aria-describedby`. */
    describe?: boolean;
  },
): ReactElement {
  const { t } = useTranslation();
  return (
    <Field label={props.label} error={props.error}>
      {(id, d) => (
        <select
          id={id}
          aria-describedby={props.describe ? d : undefined}
          value={props.value}
          onChange={(e) => props.onChange(e.target.value)}
          required={props.required}
          data-testid={props.testId}
        >
          {props.empty !== undefined && <option value="">{props.empty}</option>}
          {props.values.map((v) => (
            <option key={v} value={v}>
              {optionLabel(t, props.field, v)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/**
 * A select over the people (the cached reference list), by display name. `hideWhenNone`: nothing at all
 * while the list is empty (a filter that would offer no one); `textOnError`: a text box for the id when the
 * list cannot be loaded.
 */
export function PersonField(
  props: SelectFieldProps & { hideWhenNone?: boolean; textOnError?: boolean },
): ReactElement | null {
  const people = useRefList('people');
  if (props.hideWhenNone && people.items.length === 0) return null;
  const common = {
    required: props.required,
    value: props.value,
    onChange: (e: { target: { value: string } }) => props.onChange(e.target.value),
    'data-testid': props.testId,
  };
  return (
    <Field label={props.label} error={props.error}>
      {(id) =>
        props.textOnError && people.error ? (
          <input id={id} type="text" {...common} />
        ) : (
          <select id={id} {...common}>
            {props.empty !== undefined && <option value="">{props.empty}</option>}
            {people.items.map((p) => (
              <option key={p.id} value={p.id}>
                {p.displayName}
              </option>
            ))}
          </select>
        )
      }
    </Field>
  );
}
