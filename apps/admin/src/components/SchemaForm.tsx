import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useRefList } from '../hooks';
import { fieldLabel, optionLabel, roleLabel } from '../labels';
import { cabinetForbidden, holderForbidden, type Forbidden } from '../picker-rules';
import { ruleText } from '../rules';
import type { FieldSpec, FormValues } from '../schema';
import { CheckField, Field } from './ui';

interface Props {
  fields: FieldSpec[];
  values: FormValues;
  onChange: (name: string, value: string | boolean) => void;
  errors: Record<string, string>;
  /** The document's mark: the pickers show disabled what a rule forbids for it (R-2.5, R-4.2.2). */
  classification?: string | null;
}

/** Renders the fields of one payload schema; every control carries `data-testid="field-<name>"`. */
export function SchemaForm({ fields, values, onChange, errors, classification }: Props): ReactElement {
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
                classification={classification}
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
  classification?: string | null;
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

/** Under a picker with disabled options: the rule that forbids them, in full, in the reader's language. */
function WhyDisabled({ id, forbidden }: { id: string; forbidden: (Forbidden | undefined)[] }): ReactElement | null {
  const { i18n, t } = useTranslation();
  const rules = [...new Set(forbidden.filter((f): f is Forbidden => f != null).map((f) => f.rule))];
  if (rules.length === 0) return null;
  return (
    <div id={id} className="picker-why" data-testid="picker-why">
      {t('why.disabled')}
      {rules.map((r) => (
        <p key={r} className="picker-why">
          <span className="rule-id">{r}</span>
          {ruleText(r, i18n.language)}
        </p>
      ))}
    </div>
  );
}

/** The option's words when a rule forbids it: "name — ✗ R-2.5: not cleared". */
const withWhy = (label: string, f: Forbidden | undefined) => (f ? `${label} — ✗ ${f.rule}: ${f.text}` : label);

/**
 * A person to issue to. For a classified document, whoever R-2.5 does not clear now is shown disabled,
 * with the reason (the server judged it with the one rule; it still refuses a forged request).
 */
function HolderPicker({ id, value, onChange, classification, common, spec }: PickerProps): ReactElement {
  const { t, i18n } = useTranslation();
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
  const restricted = classification != null && classification !== 'open';
  const options = people.items.map((p) => ({ p, forbidden: holderForbidden(t, i18n.language, classification, p) }));
  const whyId = `${id}-why`;
  const describedBy = [common['aria-describedby'], whyId].filter(Boolean).join(' ');
  return (
    <>
      <select {...common} aria-describedby={describedBy} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('common.choose')}</option>
        {options.map(({ p, forbidden }) => {
          const label = `${p.displayName}${p.roles.length > 0 ? ` — ${p.roles.map((r) => roleLabel(t, r)).join(', ')}` : ''}`;
          return (
            <option
              key={p.id}
              value={p.id}
              disabled={forbidden != null}
              title={forbidden ? `${forbidden.rule}: ${forbidden.text}` : undefined}
              data-rule={forbidden?.rule}
            >
              {forbidden ? withWhy(label, forbidden) : restricted ? `${label} (✓ ${t('action.cleared')})` : label}
            </option>
          );
        })}
      </select>
      <WhyDisabled id={whyId} forbidden={options.map((o) => o.forbidden)} />
    </>
  );
}

/**
 * Cabinets grouped by room; a secure room is marked. For a For Official Use document the cabinets of
 * an ordinary room are shown disabled with R-4.2.2 (the server refuses them too).
 */
function CabinetPicker({ id, value, onChange, classification, common, spec }: PickerProps): ReactElement {
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
  const forbidden = rooms.items.map((r) => cabinetForbidden(t, classification, r));
  const whyId = `${id}-why`;
  const describedBy = [common['aria-describedby'], whyId].filter(Boolean).join(' ');
  return (
    <>
      <select {...common} aria-describedby={describedBy} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('common.choose')}</option>
        {rooms.items.map((r, i) => (
          <optgroup key={r.id} label={r.secure ? `${r.name} (${t('doc.secureRoom')})` : r.name}>
            {r.cabinets.map((c) => (
              <option
                key={c.id}
                value={c.id}
                disabled={forbidden[i] != null}
                title={forbidden[i] ? `${forbidden[i]!.rule}: ${forbidden[i]!.text}` : undefined}
                data-rule={forbidden[i]?.rule}
              >
                {withWhy(`${c.name} — ${r.name}${r.secure ? ` [${t('doc.secureRoom')}]` : ''}`, forbidden[i])}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      <WhyDisabled id={whyId} forbidden={forbidden} />
    </>
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
