/**
 * The one door to the Grif API (docs/api.md). Same origin, under /api; the
 * HttpOnly `grif_session` cookie set by login authenticates every call, so the
 * UI never sees or stores the token. Every call names the UI language so that
 * a refusal comes back in the words the user reads.
 */
import { currentLang } from './i18n';
import type {
  AccessTrace,
  Install,
  BreachEventAccepted,
  BreachReported,
  BreachRow,
  BreachView,
  ReportBreachRequest,
  ActCreated,
  ActEventAccepted,
  ActRow,
  ActVerification,
  ActView,
  CabinetView,
  CreateActRequest,
  DestructionCandidate,
  EnrolCertificateRequest,
  MyCertificate,
  CalendarChange,
  CalendarDay,
  CheckpointAnswer,
  ClearanceView,
  CreateFileRequest,
  CreateRoomRequest,
  DeadlineBoard,
  DeadlineSettings,
  DeadlineSettingsBody,
  DocumentRow,
  DocumentView,
  DuePreview,
  ErrorBody,
  EventAccepted,
  HistoryItem,
  HolderAt,
  LoginLogEntry,
  LoginResponse,
  Me,
  MediaView,
  NomenclatureFileView,
  NotificationList,
  Page,
  PersonName,
  PersonView,
  RecordClearanceRequest,
  Registered,
  RegisterDocumentRequest,
  RegisterMediaRequest,
  RevokeClearanceRequest,
  RoomView,
  SchoolCalendarView,
  SetEmailRequest,
  VerifyResult,
  ComplianceRow,
  WorkingCalendar,
} from './types';

/** A non-2xx answer (or no answer at all: status 0, code NETWORK). */
export class ApiError extends Error {
  constructor(
    readonly body: ErrorBody,
    /** A throttled sign-in (429): seconds until it may be tried again (Retry-After). */
    readonly retryAfterS?: number,
  ) {
    super(body.message);
    this.name = 'ApiError';
  }
  get status(): number {
    return this.body.statusCode;
  }
}

let onUnauthorized: () => void = () => undefined;
/** Called whenever a session-bound call answers 401: the app shows the login form again. */
export function setUnauthorizedHandler(fn: () => void): void {
  onUnauthorized = fn;
}

export type Query = Record<string, string | number | boolean | null | undefined>;

/** `?a=1&b=x`, leaving out empty values; '' when nothing is left. */
export function queryString(q: Query = {}): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) {
    if (v === undefined || v === null || v === '' || v === false) continue;
    p.set(k, String(v));
  }
  const s = p.toString();
  return s ? `?${s}` : '';
}

export function withQuery(path: string, q?: Query): string {
  return path + queryString(q);
}

/** The CSV export of any list: the same URL with `format=csv` (R-3, R-4.1 registers). */
export function csvUrl(path: string, q: Query = {}): string {
  const { page: _page, pageSize: _pageSize, ...rest } = q;
  return withQuery(path, { ...rest, format: 'csv' });
}

/**
 * A journal printed for a period: the same URL with `format=pdf&from&to&lang` (ky or ru). The "as at"
 * moment and the page go; the period decides (docs/api.md).
 */
export function pdfUrl(path: string, q: Query & { from: string; to: string; lang: 'ky' | 'ru' }): string {
  const { page: _page, pageSize: _pageSize, at: _at, ...rest } = q;
  return withQuery(path, { ...rest, format: 'pdf' });
}

/**
 * The double-submit token that login sets beside the session cookie (`__Host-grif_csrf` over HTTPS): every unsafe
 * call repeats it in X-CSRF-Token, which a page of another site cannot do (apps/api/src/http/csrf.ts).
 */
function csrfToken(): string | undefined {
  const jar = new Map(
    document.cookie.split(';').map((c) => {
      const at = c.indexOf('=');
      return [c.slice(0, at).trim(), c.slice(at + 1).trim()] as const;
    }),
  );
  // The server names it by how the request reached it (req.secure), which a TLS proxy may hide: try both.
  return jar.get('__Host-grif_csrf') ?? jar.get('grif_csrf');
}

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  headers?: Record<string, string>;
  /** Login and the first /me probe handle 401 themselves. */
  quiet401?: boolean;
}

export async function request<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': currentLang(),
    ...opts.headers,
  };
  if (opts.body !== undefined) headers['Content-Type'] = 'application/json';
  const method = opts.method ?? 'GET';
  if (method !== 'GET') {
    const token = csrfToken();
    if (token) headers['X-CSRF-Token'] = token;
  }
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers,
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
    });
  } catch (err) {
    throw new ApiError({ statusCode: 0, code: 'NETWORK', message: err instanceof Error ? err.message : String(err) });
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let json: unknown = undefined;
  if (text) {
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
  }
  if (!res.ok) {
    const body = isErrorBody(json)
      ? json
      : { statusCode: res.status, code: `HTTP_${res.status}` as const, message: res.statusText || text.slice(0, 200) };
    if (res.status === 401 && !opts.quiet401) onUnauthorized();
    const wait = Number(res.headers.get('Retry-After'));
    throw new ApiError(body, res.status === 429 && wait > 0 ? wait : undefined);
  }
  return json as T;
}

function isErrorBody(v: unknown): v is ErrorBody {
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof (v as ErrorBody).message === 'string' &&
    typeof (v as ErrorBody).statusCode === 'number'
  );
}

/**
 * A fresh idempotency key for each attempt. `crypto.randomUUID` exists only in
 * secure contexts (https, localhost); a school server reached over plain http
 * on the LAN falls back to getRandomValues, which is available everywhere.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** Lists answer a page; a few reference lists may answer a bare array. */
export type ListAnswer<T> = Page<T> | T[];

export const api = {
  // Auth
  login: (username: string, password: string) =>
    request<LoginResponse>('/api/auth/login', { method: 'POST', body: { username, password }, quiet401: true }),
  logout: () => request<void>('/api/auth/logout', { method: 'POST', quiet401: true }),
  logoutEverywhere: () => request<void>('/api/auth/logout-all', { method: 'POST', quiet401: true }),
  loginLog: (q: Query) => request<LoginLogEntry[]>(withQuery('/api/security/logins', q)),
  changePassword: (currentPassword: string, newPassword: string) =>
    request<void>('/api/auth/password', { method: 'POST', body: { currentPassword, newPassword } }),
  me: () => request<Me>('/api/me', { quiet401: true }),
  install: () => request<Install>('/api/install'),

  // Documents
  registerDocument: (body: RegisterDocumentRequest) =>
    request<Registered>('/api/documents', {
      method: 'POST',
      body,
      headers: { 'Idempotency-Key': newIdempotencyKey() },
    }),
  documents: (q: Query) => request<Page<DocumentRow>>(withQuery('/api/documents', q)),
  document: (id: string) => request<DocumentView>(`/api/documents/${encodeURIComponent(id)}`),
  history: (id: string) => request<HistoryItem[]>(`/api/documents/${encodeURIComponent(id)}/history`),
  /** Who held the document at a moment, and its state and mark then (folded from the history). */
  holderAt: (id: string, at: string) =>
    request<HolderAt>(withQuery(`/api/documents/${encodeURIComponent(id)}/holder-at`, { at })),
  /** What an ISSUE made now would be due back, for the time the clerk chose if any (records clerk). */
  duePreview: (id: string, dueAt?: string) =>
    request<DuePreview>(withQuery(`/api/documents/${encodeURIComponent(id)}/due-preview`, { dueAt })),
  /** One event, sent once: a fresh Idempotency-Key per attempt and the version we read (409 when it moved on). */
  sendEvent: (id: string, type: string, payload: Record<string, unknown>, version?: number) =>
    request<EventAccepted>(`/api/documents/${encodeURIComponent(id)}/events`, {
      method: 'POST',
      body: { type, ...payload },
      headers: {
        'Idempotency-Key': newIdempotencyKey(),
        ...(version !== undefined ? { 'If-Match': String(version) } : {}),
      },
    }),

  // Reference lists and registers
  list: <T>(path: string, q?: Query) => request<ListAnswer<T>>(withQuery(path, q)),
  people: () => request<PersonView[]>('/api/people'),
  /** Everyone who may sign in, by name (also for support, who reports a breach for someone). */
  peopleNames: () => request<PersonName[]>('/api/people/names'),
  rooms: () => request<RoomView[]>('/api/rooms'),
  nomenclature: () => request<NomenclatureFileView[]>('/api/nomenclature'),
  createFile: (body: CreateFileRequest) => request<NomenclatureFileView>('/api/nomenclature', { method: 'POST', body }),
  createRoom: (body: CreateRoomRequest) => request<RoomView>('/api/rooms', { method: 'POST', body }),
  createCabinet: (roomId: string, body: { name: string }) =>
    request<CabinetView>(`/api/rooms/${encodeURIComponent(roomId)}/cabinets`, { method: 'POST', body }),
  createMedia: (body: RegisterMediaRequest) => request<MediaView>('/api/media', { method: 'POST', body }),
  recordClearance: (personId: string, body: RecordClearanceRequest) =>
    request<ClearanceView>(`/api/people/${encodeURIComponent(personId)}/clearances`, { method: 'POST', body }),
  setEmail: (personId: string, body: SetEmailRequest) =>
    request<PersonView>(`/api/people/${encodeURIComponent(personId)}/email`, { method: 'PUT', body }),
  /** a revocation, kept as a new entry with its reason (information-security officer or director). */
  revokeClearance: (personId: string, body: RevokeClearanceRequest) =>
    request<ClearanceView>(`/api/people/${encodeURIComponent(personId)}/clearances/revocations`, {
      method: 'POST',
      body,
    }),

  // The day's deadlines: what is out and late, and what is due back today
  deadlineBoard: () => request<DeadlineBoard>('/api/deadlines/board'),

  // The school's working calendar and deadline ladder: everyone reads them, the director changes them
  calendar: () => request<SchoolCalendarView>('/api/calendar'),
  calendarDays: (from: string, to: string) => request<CalendarDay[]>(withQuery('/api/calendar/days', { from, to })),
  saveCalendar: (body: WorkingCalendar) => request<CalendarChange>('/api/calendar', { method: 'PUT', body }),
  deadlineSettings: () => request<DeadlineSettings>('/api/settings/deadlines'),
  saveDeadlineSettings: (body: DeadlineSettingsBody) =>
    request<DeadlineSettings>('/api/settings/deadlines', { method: 'PUT', body }),

  // Notifications (only the caller's own)
  notifications: () => request<NotificationList>('/api/notifications'),
  markNotificationRead: (id: string) =>
    request<void>(`/api/notifications/${encodeURIComponent(id)}/read`, { method: 'POST' }),

  // Acts (R-4.1d destruction, R-4.2.6 custody transfer): drafted, rendered to PDF, signed in turn
  acts: (q: { awaiting?: 'me' } = {}) => request<ActRow[]>(withQuery('/api/acts', q)),
  act: (id: string) => request<ActView>(`/api/acts/${encodeURIComponent(id)}`),
  destructionCandidates: () => request<DestructionCandidate[]>('/api/acts/destruction/candidates'),
  createAct: (body: CreateActRequest) =>
    request<ActCreated>('/api/acts', { method: 'POST', body, headers: { 'Idempotency-Key': newIdempotencyKey() } }),
  /** One act event, sent once, like a document's: a fresh Idempotency-Key and If-Match with the version we read. */
  sendActEvent: (id: string, type: string, payload: Record<string, unknown>, version?: number) =>
    request<ActEventAccepted>(`/api/acts/${encodeURIComponent(id)}/events`, {
      method: 'POST',
      body: { type, ...payload },
      headers: {
        'Idempotency-Key': newIdempotencyKey(),
        ...(version !== undefined ? { 'If-Match': String(version) } : {}),
      },
    }),
  verifyAct: (id: string) => request<ActVerification>(`/api/acts/${encodeURIComponent(id)}/verify`),
  /** The latest (signed) revision of the act's PDF: a plain link, the session cookie authenticates it. */
  actPdfUrl: (id: string) => `/api/acts/${encodeURIComponent(id)}/pdf`,
  actPrintoutUrl: (id: string, lang: string) =>
    `/api/acts/${encodeURIComponent(id)}/printout?lang=${lang === 'ru' ? 'ru' : 'ky'}`,

  // Breach cases (R-5.2.3: reported within one working day; contained, investigated, closed by a signed report)
  reportBreach: (body: ReportBreachRequest) =>
    request<BreachReported>('/api/breaches', {
      method: 'POST',
      body,
      headers: { 'Idempotency-Key': newIdempotencyKey() },
    }),
  breaches: (q: { queue?: 'officer' | 'support' } = {}) => request<BreachRow[]>(withQuery('/api/breaches', q)),
  breach: (id: string) => request<BreachView>(`/api/breaches/${encodeURIComponent(id)}`),
  breachHistory: (id: string) => request<HistoryItem[]>(`/api/breaches/${encodeURIComponent(id)}/history`),
  /** What the Grif account did and from where (information-security officer): to help fill INVESTIGATE's `accessed`. */
  breachAccessTrace: (id: string) => request<AccessTrace>(`/api/breaches/${encodeURIComponent(id)}/access-trace`),
  /** One case event, sent once, like a document's: a fresh Idempotency-Key and If-Match with the version we read. */
  sendBreachEvent: (id: string, type: string, payload: Record<string, unknown>, version?: number) =>
    request<BreachEventAccepted>(`/api/breaches/${encodeURIComponent(id)}/events`, {
      method: 'POST',
      body: { type, ...payload },
      headers: {
        'Idempotency-Key': newIdempotencyKey(),
        ...(version !== undefined ? { 'If-Match': String(version) } : {}),
      },
    }),

  // My signing certificate (PKCS#12 enrolled; the key is kept sealed under my passphrase)
  myCertificate: () => request<MyCertificate>('/api/me/certificate'),
  enrolCertificate: (body: EnrolCertificateRequest) =>
    request<MyCertificate>('/api/me/certificate', { method: 'POST', body }),

  // Audit
  verify: () => request<VerifyResult>('/api/audit/verify'),
  /** The compliance matrix (issue 11): every clause, the code naming it, its tests and their latest result. */
  compliance: () => request<ComplianceRow[]>('/api/compliance'),
  compliancePdfUrl: (lang: 'ky' | 'ru') => withQuery('/api/compliance', { format: 'pdf', lang }),
  seal: () => request<CheckpointAnswer>('/api/audit/checkpoints', { method: 'POST' }),
};

/** The items of a list answer, whichever shape it came in. */
export function itemsOf<T>(a: ListAnswer<T> | undefined): T[] {
  if (!a) return [];
  return Array.isArray(a) ? a : a.items;
}
