import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useRefList } from '../hooks';
import { fieldLabel, optionLabel, roleLabel } from '../labels';
import type { FieldSpec, FormValues } from '../schema';
import { CheckField, Field } from './ui';

interface Props {
  fields: FieldSpec[];
  values: FormValues;
  onChange: (name: string, value: string | boolean) => void;
  errors: Record<string, string>;
  /** The document is classified: show each person's clearance in the holder picker (R-2.5). */
  showClearance?: boolean;
}

/** Renders the fields of one payload schema; every control carries `data-testid="field-<name>"`. */
export function SchemaForm({ fields, values, onChange, errors, showClearance }: Props): ReactElement {
  const { t } = useTranslation();
  return (
    <div className="schema-form">
      {fields.map((f) => {
        const label = fieldLabel(t, f.name);
        if (f.kind === 'boolean') {
          return (
            <CheckField
              key={f.name}
              label={label}
              checked={values[f.name] === true}
              onChange={(v) => onChange(f.name, v)}
              testId={`field-${f.name}`}
              error={errors[f.name]}
            />
          );
        }
        const hint = f.kind === 'datetime' ? t('common.bishkekTime') : f.description;
        return (
          <Field key={f.name} label={label} required={f.required} error={errors[f.name]} hint={hint}>
            {(id, describedBy) => (
              <Control
                spec={f}
                id={id}
                describedBy={describedBy}
                value={String(values[f.name] ?? '')}
                onChange={(v) => onChange(f.name, v)}
                showClearance={showClearance}
              />
            )}
          </Field>
        );
      })}
    </div>
  );
}

interface ControlProps {
  spec: FieldSpec;
  id: string;
  describedBy: string | undefined;
  value: string;
  onChange: (v: string) => void;
  showClearance?: boolean;
}

function Control(props: ControlProps): ReactElement {
  const { t } = useTranslation();
  const { spec: f, id, describedBy, value, onChange } = props;
  const common = {
    id,
    name: f.name,
    'aria-describedby': describedBy,
    required: f.required && !f.nullable,
    'data-testid': `field-${f.name}`,
  };
  switch (f.kind) {
    case 'enum':
      return (
        <select {...common} value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">{t('common.choose')}</option>
          {f.options!.map((o) => (
            <option key={o} value={o}>
              {optionLabel(t, f.name, o)}
            </option>
          ))}
        </select>
      );
    case 'holder':
      return <HolderPicker {...props} common={common} />;
    case 'cabinet':
      return <CabinetPicker {...props} common={common} />;
    case 'file':
      return <FilePicker {...props} common={common} />;
    case 'integer':
    case 'number':
      return (
        <input
          {...common}
          type="number"
          inputMode="numeric"
          step={f.kind === 'integer' ? 1 : 'any'}
          min={f.min}
          max={f.max}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      );
    case 'datetime':
      return <input {...common} type="datetime-local" value={value} onChange={(e) => onChange(e.target.value)} />;
    case 'date':
      return <input {...common} type="date" value={value} onChange={(e) => onChange(e.target.value)} />;
    case 'textarea':
      return (
        <textarea
          {...common}
          rows={3}
          maxLength={f.maxLength}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      );
    case 'text':
    default:
      return (
        <input
          {...common}
          type="text"
          maxLength={f.maxLength}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      );
  }
}

type PickerProps = ControlProps & { common: Record<string, unknown> };

/** A person to issue to; for a classified document each shows whether they are cleared (R-2.5). */
function HolderPicker({ value, onChange, showClearance, common, spec }: PickerProps): ReactElement {
  const { t } = useTranslation();
  const people = useRefList('people');
  if (people.error)
    return (
      <input
        {...common}
        type="text"
        maxLength={spec.maxLength}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    );
  return (
    <select {...common} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{t('common.choose')}</option>
      {people.items.map((p) => (
        <option key={p.id} value={p.id}>
          {p.displayName}
          {p.roles.length > 0 ? ` — ${p.roles.map((r) => roleLabel(t, r)).join(', ')}` : ''}
          {showClearance ? ` (${p.cleared ? `✓ ${t('action.cleared')}` : `✗ ${t('action.notCleared')}`})` : ''}
        </option>
      ))}
    </select>
  );
}

/** Cabinets grouped by room; a secure room is marked, as R-4.2.2 keeps For Official Use only there. */
function CabinetPicker({ value, onChange, common, spec }: PickerProps): ReactElement {
  const { t } = useTranslation();
  const rooms = useRefList('rooms');
  if (rooms.error)
    return (
      <input
        {...common}
        type="text"
        maxLength={spec.maxLength}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    );
  return (
    <select {...common} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{t('common.choose')}</option>
      {rooms.items.map((r) => (
        <optgroup key={r.id} label={r.secure ? `${r.name} (${t('doc.secureRoom')})` : r.name}>
          {r.cabinets.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name} — {r.name}
              {r.secure ? ` [${t('doc.secureRoom')}]` : ''}
            </option>
          ))}
        </optgroup>
      ))}
    </select>
  );
}

function FilePicker({ value, onChange, common, spec }: PickerProps): ReactElement {
  const { t } = useTranslation();
  const files = useRefList('files');
  if (files.error)
    return (
      <input
        {...common}
        type="text"
        maxLength={spec.maxLength}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    );
  return (
    <select {...common} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{t('common.choose')}</option>
      {files.items.map((f) => (
        <option key={f.id} value={f.id}>
          {f.index} — {f.title} ({f.year})
        </option>
      ))}
    </select>
  );
}
