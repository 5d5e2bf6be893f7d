import { Injectable } from '@nestjs/common';
import { NomenclatureRepository, PeopleRepository, StorageRepository } from '@grif/persistence';

export interface CabinetName {
  id: string;
  name: string;
  roomName: string;
  secure: boolean;
}

/** The records of one school that an answer may name by id, looked up once per answer. */
export class SchoolNames {
  constructor(
    private readonly people: Map<string, string>,
    private readonly cabinets: Map<string, CabinetName>,
    private readonly files: Map<string, string>,
  ) {}

  person(id: string): string | undefined {
    return this.people.get(id);
  }

  cabinet(id: string): CabinetName | undefined {
    return this.cabinets.get(id);
  }

  /** What an id names, in words (a person, "room / cabinet", "index — title"); undefined for anything else. */
  of(id: string): string | undefined {
    const c = this.cabinets.get(id);
    return this.people.get(id) ?? (c ? `${c.roomName} / ${c.name}` : undefined) ?? this.files.get(id);
  }

  /** Every id a payload carries, at any depth, with what it names. */
  within(payload: unknown, out: Record<string, string> = {}): Record<string, string> {
    if (typeof payload === 'string') {
      const name = this.of(payload);
      if (name !== undefined) out[payload] = name;
    } else if (Array.isArray(payload)) payload.forEach((v) => this.within(v, out));
    else if (payload && typeof payload === 'object') Object.values(payload).forEach((v) => this.within(v, out));
    return out;
  }
}

/** Every answer names what a person reads: ids are resolved to names on the server, not in the browser. */
@Injectable()
export class ReferenceNames {
  constructor(
    private readonly people: PeopleRepository,
    private readonly storage: StorageRepository,
    private readonly nomenclature: NomenclatureRepository,
  ) {}

  async forSchool(schoolId: string): Promise<SchoolNames> {
    const [people, rooms, files] = await Promise.all([
      this.people.namesOf(schoolId),
      this.storage.rooms(schoolId),
      this.nomenclature.files(schoolId),
    ]);
    const cabinets = new Map<string, CabinetName>();
    for (const r of rooms)
      for (const c of r.cabinets) cabinets.set(c.id, { id: c.id, name: c.name, roomName: r.name, secure: r.secure });
    return new SchoolNames(people, cabinets, new Map(files.map((f) => [f.id, `${f.index} — ${f.title}`])));
  }
}
