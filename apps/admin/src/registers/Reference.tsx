import { useState, type FormEvent, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { DataTable } from '../components/DataTable';
import { EnumField, PersonField } from '../components/selects';
import { CheckField, Field, Mark, Notice, Refusal } from '../components/ui';
import { currentYearInBishkek, formatDate, formatInstant } from '../format';
import { fieldErrorOf, invalidateRefs, usePersonName, useSubmit } from '../hooks';
import { fieldLabel, optionLabel } from '../labels';
import { href } from '../router';
import { permissions, useSession } from '../session';
import {
  CLASSIFICATIONS,
  MEDIA_KINDS,
  type MediaView,
  type NomenclatureFileView,
  type RegisterMediaRequest,
  type RoomView,
} from '../types';

/** The nomenclature of files: where documents are filed and how long they are kept (R-4.1d). */
export function Nomenclature(): ReactElement {
  const { t, i18n } = useTranslation();
  const { me } = useSession();
  const [token, setToken] = useState(0);
  const [f, setF] = useState({
    index: '',
    title: '',
    year: String(currentYearInBishkek()),
    retentionYears: '5',
    permanent: false,
  });
  const [done, setDone] = useState(false);
  const s = useSubmit();

  async function submit(e: FormEvent) {
    e.preventDefault();
    setDone(false);
    const ok = await s.run(() =>
      api.createFile({
        index: f.index.trim(),
        title: f.title.trim(),
        year: Number(f.year),
        retentionYears: f.permanent ? null : Number(f.retentionYears),
      }),
    );
    if (ok) {
      setDone(true);
      setF((o) => ({ ...o, index: '', title: '' }));
      setToken((n) => n + 1);
      invalidateRefs('files');
    }
  }

  return (
    <>
      {permissions(me).editNomenclature && (
        <form className="panel form-inline" onSubmit={submit} aria-label={t('registers.addFile')}>
          <h3>{t('registers.addFile')}</h3>
          <Field label={t('field.index')} error={fieldErrorOf(s.error, 'index')}>
            {(id) => (
              <input
                id={id}
                type="text"
                maxLength={40}
                required
                value={f.index}
                onChange={(e) => setF({ ...f, index: e.target.value })}
                data-testid="file-index"
              />
            )}
          </Field>
          <Field label={t('field.title')} error={fieldErrorOf(s.error, 'title')}>
            {(id) => (
              <input
                id={id}
                type="text"
                maxLength={300}
                required
                value={f.title}
                onChange={(e) => setF({ ...f, title: e.target.value })}
                data-testid="file-title"
              />
            )}
          </Field>
          <Field label={t('field.year')} error={fieldErrorOf(s.error, 'year')}>
            {(id) => (
              <input
                id={id}
                type="number"
                min={2000}
                max={2100}
                required
                value={f.year}
                onChange={(e) => setF({ ...f, year: e.target.value })}
                data-testid="file-year"
              />
            )}
          </Field>
          <Field label={t('field.retentionYears')} error={fieldErrorOf(s.error, 'retentionYears')}>
            {(id) => (
              <input
                id={id}
                type="number"
                min={1}
                max={100}
                required={!f.permanent}
                disabled={f.permanent}
                value={f.retentionYears}
                onChange={(e) => setF({ ...f, retentionYears: e.target.value })}
                data-testid="file-retention"
              />
            )}
          </Field>
          <CheckField
            label={t('registers.permanent')}
            checked={f.permanent}
            onChange={(v) => setF({ ...f, permanent: v })}
            testId="file-permanent"
          />
          <button type="submit" className="btn btn-primary" disabled={s.busy} data-testid="file-submit">
            {t('common.add')}
          </button>
          {s.error && <Refusal error={s.error} fieldLabel={(n) => fieldLabel(t, n)} />}
          {done && <Notice>{t('registers.created')}</Notice>}
        </form>
      )}
      <DataTable<NomenclatureFileView>
        path="/api/nomenclature"
        reloadToken={token}
        rowKey={(r) => r.id}
        defaultSort={{ key: 'index', order: 'asc' }}
        columns={[
          { key: 'index', label: t('field.index') },
          { key: 'title', label: t('field.title') },
          { key: 'year', label: t('field.year') },
          {
            key: 'retentionYears',
            label: t('field.retentionYears'),
            render: (r) =>
              r.retentionYears == null ? t('registers.permanent') : t('registers.years', { n: r.retentionYears }),
          },
          {
            key: 'destructionEligibleFrom',
            label: t('field.destructionEligibleFrom'),
            render: (r) => formatDate(r.destructionEligibleFrom, i18n.language),
          },
        ]}
      />
    </>
  );
}

/** Rooms and their cabinets; a secure room is where For Official Use is kept. */
export function Rooms(): ReactElement {
  const { t } = useTranslation();
  const { me } = useSession();
  const canEdit = permissions(me).editRooms;
  const [token, setToken] = useState(0);
  const [room, setRoom] = useState({ name: '', secure: false });
  const [done, setDone] = useState(false);
  const s = useSubmit();
  const changed = () => {
    setToken((n) => n + 1);
    invalidateRefs('rooms');
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    setDone(false);
    if (await s.run(() => api.createRoom({ name: room.name.trim(), secure: room.secure }))) {
      setDone(true);
      setRoom({ name: '', secure: false });
      changed();
    }
  }

  return (
    <>
      {canEdit && (
        <form className="panel form-inline" onSubmit={submit} aria-label={t('registers.addRoom')}>
          <h3>{t('registers.addRoom')}</h3>
          <Field label={t('field.name')} error={fieldErrorOf(s.error, 'name')}>
            {(id) => (
              <input
                id={id}
                type="text"
                maxLength={200}
                required
                value={room.name}
                onChange={(e) => setRoom({ ...room, name: e.target.value })}
                data-testid="room-name"
              />
            )}
          </Field>
          <CheckField
            label={t('registers.secure')}
            checked={room.secure}
            onChange={(v) => setRoom({ ...room, secure: v })}
            testId="room-secure"
          />
          <button type="submit" className="btn btn-primary" disabled={s.busy} data-testid="room-submit">
            {t('common.add')}
          </button>
          {s.error && <Refusal error={s.error} fieldLabel={(n) => fieldLabel(t, n)} />}
          {done && <Notice>{t('registers.created')}</Notice>}
        </form>
      )}
      <DataTable<RoomView>
        path="/api/rooms"
        reloadToken={token}
        rowKey={(r) => r.id}
        defaultSort={{ key: 'name', order: 'asc' }}
        columns={[
          { key: 'name', label: t('field.name') },
          {
            key: 'secure',
            label: t('field.secure'),
            sortValue: (r) => (r.secure ? 0 : 1),
            render: (r) =>
              r.secure ? (
                <span className="badge badge-secure">{t('registers.secure')}</span>
              ) : (
                <span className="muted">{t('registers.notSecure')}</span>
              ),
          },
          {
            key: 'cabinets',
            label: t('field.cabinets'),
            sortable: false,
            render: (r) => <Cabinets room={r} canEdit={canEdit} onChanged={changed} />,
          },
        ]}
      />
    </>
  );
}

function Cabinets({
  room,
  canEdit,
  onChanged,
}: {
  room: RoomView;
  canEdit: boolean;
  onChanged: () => void;
}): ReactElement {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const s = useSubmit();
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (await s.run(() => api.createCabinet(room.id, { name: name.trim() }))) {
      setName('');
      onChanged();
    }
  }
  return (
    <div className="cabinets">
      {room.cabinets.length === 0 ? (
        <span className="muted">{t('registers.noCabinets')}</span>
      ) : (
        <ul>
          {room.cabinets.map((c) => (
            <li key={c.id}>
              <a href={href('/registers/cabinets', { cabinet: c.id })} data-testid="cabinet-link">
                {c.name}
              </a>
            </li>
          ))}
        </ul>
      )}
      {canEdit && (
        <form className="inline-add" onSubmit={submit}>
          <input
            type="text"
            aria-label={`${t('registers.cabinetName')} (${room.name})`}
            placeholder={t('registers.cabinetName')}
            maxLength={200}
            required
            value={name}
            onChange={(e) => setName(e.target.value)}
            data-testid="cabinet-name"
          />
          <button type="submit" className="btn btn-small" disabled={s.busy} data-testid="cabinet-submit">
            {t('registers.addCabinet')}
          </button>
          {s.error && <Refusal error={s.error} />}
        </form>
      )}
    </div>
  );
}

/** Removable media registered as carriers of confidential information. */
export function Media(): ReactElement {
  const { t, i18n } = useTranslation();
  const { me } = useSession();
  const personName = usePersonName();
  const [token, setToken] = useState(0);
  const [m, setM] = useState({ label: '', kind: 'usb', classification: 'confidential', holderId: '' });
  const [done, setDone] = useState(false);
  const s = useSubmit();

  async function submit(e: FormEvent) {
    e.preventDefault();
    setDone(false);
    if (
      await s.run(() =>
        api.createMedia({
          ...m,
          label: m.label.trim(),
          kind: m.kind as RegisterMediaRequest['kind'],
          classification: m.classification as RegisterMediaRequest['classification'],
        }),
      )
    ) {
      setDone(true);
      setM((o) => ({ ...o, label: '' }));
      setToken((n) => n + 1);
    }
  }

  return (
    <>
      {permissions(me).editMedia && (
        <form className="panel form-inline" onSubmit={submit} aria-label={t('registers.addMedia')}>
          <h3>{t('registers.addMedia')}</h3>
          <Field label={t('field.label')} error={fieldErrorOf(s.error, 'label')}>
            {(id) => (
              <input
                id={id}
                type="text"
                maxLength={200}
                required
                value={m.label}
                onChange={(e) => setM({ ...m, label: e.target.value })}
                data-testid="media-label"
              />
            )}
          </Field>
          <EnumField
            label={t('field.mediaKind')}
            error={fieldErrorOf(s.error, 'kind')}
            field="mediaKind"
            values={MEDIA_KINDS}
            value={m.kind}
            onChange={(v) => setM({ ...m, kind: v })}
            testId="media-kind"
          />
          <EnumField
            label={t('field.classification')}
            error={fieldErrorOf(s.error, 'classification')}
            field="classification"
            values={CLASSIFICATIONS}
            value={m.classification}
            onChange={(v) => setM({ ...m, classification: v })}
            testId="media-classification"
          />
          <PersonField
            label={t('field.holder')}
            error={fieldErrorOf(s.error, 'holderId')}
            required
            value={m.holderId}
            onChange={(v) => setM({ ...m, holderId: v })}
            empty={t('common.choose')}
            testId="media-holder"
            textOnError
          />
          <button type="submit" className="btn btn-primary" disabled={s.busy} data-testid="media-submit">
            {t('common.add')}
          </button>
          {s.error && <Refusal error={s.error} fieldLabel={(n) => fieldLabel(t, n)} />}
          {done && <Notice>{t('registers.created')}</Notice>}
        </form>
      )}
      <DataTable<MediaView>
        path="/api/media"
        reloadToken={token}
        rowKey={(r) => r.id}
        defaultSort={{ key: 'registeredAt', order: 'desc' }}
        columns={[
          { key: 'label', label: t('field.label') },
          { key: 'kind', label: t('field.mediaKind'), render: (r) => optionLabel(t, 'mediaKind', r.kind) },
          { key: 'classification', label: t('field.classification'), render: (r) => <Mark value={r.classification} /> },
          {
            key: 'holderId',
            label: t('field.holder'),
            render: (r) => personName(r.holderId),
            sortValue: (r) => personName(r.holderId),
          },
          {
            key: 'registeredAt',
            label: t('field.registeredAt'),
            render: (r) => formatInstant(r.registeredAt, i18n.language),
          },
        ]}
      />
    </>
  );
}
