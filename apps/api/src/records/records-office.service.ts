import { Inject, Injectable } from '@nestjs/common';
import { Actor, GrifError } from '@grif/domain';
import type { MediaView, NomenclatureFileView, PersonView, RoomView } from '@grif/contracts';
import {
  createCabinetSchema,
  createFileSchema,
  createRoomSchema,
  recordClearanceSchema,
  registerMediaSchema,
  setEmailSchema,
} from '@grif/contracts';
import { CLOCK, type Clock } from '@grif/engine';
import {
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
export function destructionEligibleFrom(year: number, retentionYears: number | null): string | null {
  return retentionYears == null ? null : `${year + retentionYears + 1}-01-01`;
}

const fileView = (f: FileEntry): NomenclatureFileView => ({
  ...f,
  destructionEligibleFrom: destructionEligibleFrom(f.year, f.retentionYears),
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

  /** Everyone of the school with their clearances: the clerk picks holders here, the officer records clearances. */
  async people(actor: Actor): Promise<PersonView[]> {
    const members = await this.members.activeMembers(actor.schoolId);
    return Promise.all(
      members.map(async (u) => {
        const c = await this.clearances.datesOf(actor.schoolId, u.id);
        return {
          id: u.id,
          username: u.username,
          displayName: u.displayName,
          roles: await this.identity.rolesOf(u.id),
          ...c,
          cleared: c.nda != null && c.briefing != null,
          email: u.email,
        };
      }),
    );
  }

  /** An obligation or a briefing recorded for a member of the school. */
  async recordClearance(actor: Actor, userId: string, body: unknown) {
    const p = parseBody(recordClearanceSchema, body);
    if (!(await this.members.isMember(actor.schoolId, userId))) throw new GrifError('not_found', 'NOT_FOUND');
    return this.clearances.record(
      actor.schoolId,
      { userId, kind: p.kind, date: p.date, note: p.note, recordedBy: actor.userId },
      this.now(),
    );
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
