import { EntitySchema } from '@mikro-orm/core';
import type { Role } from '@grif/domain';

/** A role is held only by virtue of a recorded order (буйрук), R-2.3 / R-4.3. */
export class Appointment {
  /** The last day the role is held (inclusive); null: until an order ends it. */
  validUntil: string | null = null;
  /** The order that ended it: number, date, who recorded it and when; null while it runs. */
  endOrderNumber: string | null = null;
  endOrderDate: string | null = null;
  endedBy: string | null = null;
  endedAt: string | null = null;
  constructor(
    public id: string,
    public schoolId: string,
    public userId: string,
    public role: Role,
    public orderNumber: string,
    public orderDate: string,
    public validFrom: string,
    public createdBy: string,
    public createdAt: string,
  ) {}
}

export const AppointmentSchema = new EntitySchema<Appointment>({
  class: Appointment,
  tableName: 'appointments',
  properties: {
    id: { type: 'string', primary: true, length: 36 },
    schoolId: { type: 'string', length: 36 },
    userId: { type: 'string', length: 36 },
    role: { type: 'string', length: 40 },
    orderNumber: { type: 'string', length: 100 },
    orderDate: { type: 'string', length: 10 },
    validFrom: { type: 'string', length: 10 },
    validUntil: { type: 'string', length: 10, nullable: true },
    createdBy: { type: 'string', length: 36 },
    createdAt: { type: 'string', length: 24 },
    endOrderNumber: { type: 'string', length: 100, nullable: true },
    endOrderDate: { type: 'string', length: 10, nullable: true },
    endedBy: { type: 'string', length: 36, nullable: true },
    endedAt: { type: 'string', length: 24, nullable: true },
  },
});
