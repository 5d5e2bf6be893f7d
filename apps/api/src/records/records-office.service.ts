import { Inject, Injectable } from '@nestjs/common';
import {
  Actor,
  clearanceAt,
  destructionEligibleSince,
  GrifError,
  revocationEndsSomething,
  schoolDate,
} from '@grif/domain';
import type { ClearanceView, MediaView, NomenclatureFileView, PersonView, RoomView } from '@grif/contracts';
import {
  createCabinetSchema,
  createFileSchema,
  createRoomSchema,
  recordClearanceSchema,
  registerMediaSchema,
  setEmailSchema,
  revokeClearanceSchema,
} from '@grif/contracts';
import { CALENDAR_SOURCE, CLOCK, type CalendarSource, type Clock } from '@grif/engine';
import {
  ClearanceEntry,
  ClearancesRepository,
  FileEntry,
  MediaRepository,
  NomenclatureRepository,
  PeopleRepository,
  StorageRepository,
} from '@grif/persistence';
import { parseBody } from '../http/zod-body';
import { IdentityService } from '../identity/identity.service';

/** Retention: the file closes at the end of its year; it may be destroyed once the retention years have passed. */
/** R-4.1d: from when a file's documents may be destroyed (the rule lives in libs/domain). */
export const destructionEligibleFrom = (year: number, retentionYears: number | null): string | null =>
  destructionEligibleSince({ year, retentionYears });

const fileView = (f: FileEntry): NomenclatureFileView => ({
  ...f,
  destructionEligibleFrom: destructionEligibleFrom(f.year, f.retentionYears),
});

const clearanceView = (e: ClearanceEntry, names: Map<string, string>): ClearanceView => ({
  id: e.id,
  userId: e.userId,
  kind: e.kind,
  date: e.date,
  note: e.note,
  recordedByName: names.get(e.recordedBy) ?? e.recordedBy,
  recordedAt: e.recordedAt,
});

/** The reference data of the records office: rooms and cabinets, the nomenclature, clearances, media. */
@Injectable()
export class RecordsOfficeService {
  constructor(
    private readonly storage: StorageRepository,
    private readonly nomenclatureFiles: NomenclatureRepository,
    private readonly clearances: ClearancesRepository,
    private readonly mediaRegister: MediaRepository,
    private readonly members: PeopleRepository,
    private readonly identity: IdentityService,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CALENDAR_SOURCE) private readonly calendars: CalendarSource,
  ) {}

  private now(): string {
    return this.clock.now().toISOString();
  }

  async rooms(actor: Actor): Promise<RoomView[]> {
    return this.storage.rooms(actor.schoolId);
  }

  async createRoom(actor: Actor, body: unknown): Promise<RoomView> {
    const p = parseBody(createRoomSchema, body);
    return this.storage.addRoom(actor.schoolId, { name: p.name, secure: p.secure }, this.now());
  }

  async createCabinet(actor: Actor, roomId: string, body: unknown) {
    const p = parseBody(createCabinetSchema, body);
    if (!(await this.storage.hasRoom(actor.schoolId, roomId))) throw new GrifError('not_found', 'NOT_FOUND');
    return this.storage.addCabinet(actor.schoolId, roomId, p.name, this.now());
  }

  async nomenclature(actor: Actor): Promise<NomenclatureFileView[]> {
    return (await this.nomenclatureFiles.files(actor.schoolId)).map(fileView);
  }

  async createFile(actor: Actor, body: unknown): Promise<NomenclatureFileView> {
    const p = parseBody(createFileSchema, body);
    return fileView(
      await this.nomenclatureFiles.add(
        actor.schoolId,
        { index: p.index, title: p.title, year: p.year, retentionYears: p.retentionYears },
        this.now(),
      ),
    );
  }

  /**
   * Everyone of the school with every clearance entry and what makes of them now (the one
   * rule, `clearanceAt`): the clerk picks holders here, the officer records and revokes.
   */
  async names(actor: Actor): Promise<{ id: string; username: string; displayName: string }[]> {
    return (await this.members.activeMembers(actor.schoolId)).map((m) => ({
      id: m.id,
      username: m.username,
      displayName: m.displayName,
    }));
  }

  async people(actor: Actor): Promise<PersonView[]> {
    const [members, entries, names, zone] = await Promise.all([
      this.members.activeMembers(actor.schoolId),
      this.clearances.bySchool(actor.schoolId),
      this.members.namesOf(actor.schoolId),
      this.zoneOf(actor.schoolId),
    ]);
    const asOf = this.now();
    return Promise.all(
      members.map(async (u) => {
        const mine = entries.get(u.id) ?? [];
        const { nda, briefing, ...clearance } = clearanceAt(mine, asOf, zone);
        return {
          id: u.id,
          username: u.username,
          displayName: u.displayName,
          roles: await this.identity.rolesOf(u.id),
          nda,
          briefing,
          cleared: clearance.cleared,
          clearance,
          asOf,
          clearances: mine.map((e) => clearanceView(e, names)),
          email: u.email,
        };
      }),
    );
  }

  /** An obligation or a briefing recorded for a member of the school; a day ahead is recorded, and counts from then. */
  async recordClearance(actor: Actor, userId: string, body: unknown): Promise<ClearanceView> {
    const p = parseBody(recordClearanceSchema, body);
    if (!(await this.members.isMember(actor.schoolId, userId))) throw new GrifError('not_found', 'NOT_FOUND');
    const e = await this.clearances.record(
      actor.schoolId,
      { userId, kind: p.kind, date: p.date, note: p.note, recordedBy: actor.userId },
      this.now(),
    );
    return clearanceView(e, await this.members.namesOf(actor.schoolId));
  }

  /**
   * a revocation is a new entry with its reason, effective from a day that is today or later
   * (a day already past would rewrite who was cleared when). It must end something in force on that day.
   */
  async revokeClearance(actor: Actor, userId: string, body: unknown): Promise<ClearanceView> {
    const p = parseBody(revokeClearanceSchema, body);
    if (!(await this.members.isMember(actor.schoolId, userId))) throw new GrifError('not_found', 'NOT_FOUND');
    const today = schoolDate(this.now(), await this.zoneOf(actor.schoolId));
    const date = p.date ?? today;
    if (date < today)
      throw new GrifError('invalid', 'VALIDATION_FAILED', {
        fields: [{ field: 'date', message: `a revocation takes effect today (${today}) or later` }],
      });
    if (!revocationEndsSomething(await this.clearances.entriesOf(actor.schoolId, userId), date))
      throw new GrifError('conflict', 'NOTHING_TO_REVOKE');
    const e = await this.clearances.revoke(
      actor.schoolId,
      { userId, date, reason: p.reason, recordedBy: actor.userId },
      this.now(),
    );
    return clearanceView(e, await this.members.namesOf(actor.schoolId));
  }

  private async zoneOf(schoolId: string): Promise<string> {
    return (await this.calendars.calendarFor(schoolId)).zone;
  }

  /** The address a member's notifications are also e-mailed to; answers the person as the People page lists them. */
  async setEmail(actor: Actor, userId: string, body: unknown): Promise<PersonView> {
    const p = parseBody(setEmailSchema, body);
    if (!(await this.members.setEmail(actor.schoolId, userId, p.email))) throw new GrifError('not_found', 'NOT_FOUND');
    return (await this.people(actor)).find((m) => m.id === userId)!;
  }

  async media(actor: Actor): Promise<MediaView[]> {
    return this.mediaRegister.of(actor.schoolId);
  }

  async registerMedia(actor: Actor, body: unknown): Promise<MediaView> {
    const p = parseBody(registerMediaSchema, body);
    if (!(await this.members.isMember(actor.schoolId, p.holderId))) {
      throw new GrifError('refused', 'HOLDER_UNKNOWN', {
        fields: [{ field: 'holderId', message: 'not a member of this school' }],
      });
    }
    return this.mediaRegister.register(
      actor.schoolId,
      {
        label: p.label,
        kind: p.kind,
        classification: p.classification,
        holderId: p.holderId,
        registeredBy: actor.userId,
      },
      this.now(),
    );
  }
}
