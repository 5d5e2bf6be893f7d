import { ownerDatabaseSettings } from './orm-config';

describe('ownerDatabaseSettings: where migrations run, and which role they grant (R-1.5)', () => {
  const app = 'postgres://grif_app:secret@db:5432/grif';
  const owner = 'postgres://grif_owner:secret@db:5432/grif';

  it('without DATABASE_OWNER_URL the application database migrates itself and nobody is granted', () => {
    expect(ownerDatabaseSettings({ DATABASE_URL: app })).toEqual({ db: { kind: 'postgresql', target: app } });
  });

  it('with it, the owner migrates and the role of DATABASE_URL is granted', () => {
    expect(ownerDatabaseSettings({ DATABASE_URL: app, DATABASE_OWNER_URL: owner })).toEqual({
      db: { kind: 'postgresql', target: owner },
      appRole: 'grif_app',
    });
  });

  it('the same role in both needs no grant', () => {
    expect(ownerDatabaseSettings({ DATABASE_URL: owner, DATABASE_OWNER_URL: owner })).toEqual({
      db: { kind: 'postgresql', target: owner },
    });
  });

  it('is refused with SQLite, and without a role named in DATABASE_URL', () => {
    expect(() => ownerDatabaseSettings({ DATABASE_URL: 'sqlite:/tmp/g.sqlite', DATABASE_OWNER_URL: owner })).toThrow(
      /DATABASE_OWNER_URL is for PostgreSQL/,
    );
    expect(() => ownerDatabaseSettings({ DATABASE_URL: 'postgres://db/grif', DATABASE_OWNER_URL: owner })).toThrow(
      /must name the application role/,
    );
  });
});
