import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/knex';
import { Actor, GrifError, hasRole } from '@grif/domain';
import type { MediaView, NomenclatureFileView, PersonView, RoomView } from '@grif/contracts';
import { createCabinetSchema, createFileSchema, createRoomSchema, recordClearanceSchema, registerMediaSchema } from '@grif/contracts';
import { Cabinet, Clearance, clearanceDates, Media, NomenclatureFile, Room, User } from '@grif/persistence';
import { WriteTransactions } from '@grif/persistence';
import { CLOCK, Clock } from '@grif/engine';
import { Inject } from '@nestjs/common';
import { CLERK_OR_SECURITY, READERS, requireRole } from '../http/roles';
import { parseBody } from '../http/zod-body';
import { IdentityService } from '../identity/identity.service';

/** Retention: the file closes at the end of its year; it may be destroyed once the retention years have passed. */
export function destructionEligibleFrom(year: number, retentionYears: number | null): string | null {
  return retentionYears == null ? null : `${year + retentionYears + 1}-01-01`;
}

/** The reference data of the records office: rooms and cabinets, the nomenclature, clearances, media. */
@Injectable()
export class RecordsOfficeService {
  constructor(
    private readonly tx: WriteTransactions, @Inject(CLOCK) private readonly clock: Clock,
    private readonly identity: IdentityService,
  ) {}

  private em(): EntityManager {
    return this.tx.reader() as EntityManager;
  }
  private now(): string {
    return this.clock.now().toISOString();
  }

  async rooms(actor: Actor): Promise<RoomView[]> {
    requireRole(actor, READERS);
    const rooms = await this.em().find(Room, { schoolId: actor.schoolId }, { orderBy: { name: 'asc' } });
    const cabinets = await this.em().find(Cabinet, { schoolId: actor.schoolId }, { orderBy: { name: 'asc' } });
    return rooms.map((r) => ({ id: r.id, name: r.name, secure: r.secure, cabinets: cabinets.filter((c) => c.roomId === r.id).map((c) => ({ id: c.id, name: c.name, roomId: r.id })) }));
  }

  async createRoom(actor: Actor, body: unknown): Promise<RoomView> {
    requireRole(actor, CLERK_OR_SECURITY);
    const p = parseBody(createRoomSchema, body);
    const room = new Room(randomUUID(), actor.schoolId, p.name, p.secure, this.now());
    await this.tx.run((em) => em.insert(Room, room));
    return { id: room.id, name: room.name, secure: room.secure, cabinets: [] };
  }

  async createCabinet(actor: Actor, roomId: string, body: unknown) {
    requireRole(actor, CLERK_OR_SECURITY);
    const p = parseBody(createCabinetSchema, body);
    const room = await this.em().findOne(Room, { id: roomId, schoolId: actor.schoolId });
    if (!room) throw new GrifError('not_found', 'NOT_FOUND');
    const cab = new Cabinet(randomUUID(), actor.schoolId, roomId, p.name, this.now());
    await this.tx.run((em) => em.insert(Cabinet, cab));
    return { id: cab.id, name: cab.name, roomId };
  }

  async nomenclature(actor: Actor): Promise<NomenclatureFileView[]> {
    requireRole(actor, READERS);
    const files = await this.em().find(NomenclatureFile, { schoolId: actor.schoolId }, { orderBy: { year: 'desc', index: 'asc' } });
    return files.map((f) => ({ id: f.id, index: f.index, title: f.title, year: f.year, retentionYears: f.retentionYears, destructionEligibleFrom: destructionEligibleFrom(f.year, f.retentionYears) }));
  }

  async createFile(actor: Actor, body: unknown): Promise<NomenclatureFileView> {
    requireRole(actor, ['records_clerk']);
    const p = parseBody(createFileSchema, body);
    const f = new NomenclatureFile(randomUUID(), actor.schoolId, p.index, p.title, p.year, p.retentionYears, this.now());
    await this.tx.run((em) => em.insert(NomenclatureFile, f));
    return { id: f.id, index: f.index, title: f.title, year: f.year, retentionYears: f.retentionYears, destructionEligibleFrom: destructionEligibleFrom(f.year, f.retentionYears) };
  }

  /** Everyone of the school with their clearances: the clerk picks holders here, the officer records clearances. */
  async people(actor: Actor): Promise<PersonView[]> {
    requireRole(actor, READERS);
    const em = this.em();
    const users = await em.find(User, { schoolId: actor.schoolId, disabled: false }, { orderBy: { displayName: 'asc' } });
    return Promise.all(
      users.map(async (u) => {
        const c = await clearanceDates(em, actor.schoolId, u.id);
        return { id: u.id, username: u.username, displayName: u.displayName, roles: await this.identity.rolesOf(em, u.id), ...c, cleared: c.nda != null && c.briefing != null };
      }),
    );
  }

  /** only the information-security officer records obligations and briefings. */
  async recordClearance(actor: Actor, userId: string, body: unknown) {
    if (!hasRole(actor, 'security_officer')) throw GrifError.ruleRefusal('R-2.5', 'forbidden');
    const p = parseBody(recordClearanceSchema, body);
    const user = await this.em().findOne(User, { id: userId, schoolId: actor.schoolId });
    if (!user) throw new GrifError('not_found', 'NOT_FOUND');
    const c = new Clearance(randomUUID(), actor.schoolId, userId, p.kind, p.date, actor.userId, this.now());
    c.note = p.note ?? null;
    await this.tx.run((em) => em.insert(Clearance, c));
    return { id: c.id, userId, kind: c.kind, date: c.date, note: c.note };
  }

  async media(actor: Actor): Promise<MediaView[]> {
    requireRole(actor, READERS);
    const rows = await this.em().find(Media, { schoolId: actor.schoolId }, { orderBy: { registeredAt: 'desc' } });
    return rows.map((m) => ({ id: m.id, label: m.label, kind: m.kind, classification: m.classification, holderId: m.holderId, registeredAt: m.registeredAt }));
  }

  async registerMedia(actor: Actor, body: unknown): Promise<MediaView> {
    requireRole(actor, CLERK_OR_SECURITY);
    const p = parseBody(registerMediaSchema, body);
    if (!(await this.em().count(User, { id: p.holderId, schoolId: actor.schoolId }))) {
      throw new GrifError('refused', 'HOLDER_UNKNOWN', { fields: [{ field: 'holderId', message: 'not a member of this school' }] });
    }
    const m = new Media(randomUUID(), actor.schoolId, p.label, p.kind, p.classification, p.holderId, actor.userId, this.now());
    await this.tx.run((em) => em.insert(Media, m));
    return { id: m.id, label: m.label, kind: m.kind, classification: m.classification, holderId: m.holderId, registeredAt: m.registeredAt };
  }
}
