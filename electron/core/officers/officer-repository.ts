import type { Officer, OfficerRole } from '../../../shared/contract/setup.js';
import type { DeskDatabase } from '../db/open-database.js';

interface OfficerRow {
  id: string;
  username: string;
  full_name: string;
  role: OfficerRole;
  active: number;
  password_hash: string;
}

const toOfficer = (row: OfficerRow): Officer => ({
  id: row.id,
  username: row.username,
  fullName: row.full_name,
  role: row.role,
  active: row.active === 1,
});

export class OfficerRepository {
  private readonly insertStmt;
  private readonly byUsernameStmt;
  private readonly byIdStmt;
  private readonly listStmt;
  private readonly countStmt;

  constructor(db: DeskDatabase) {
    this.insertStmt = db.prepare(
      'INSERT INTO officers (id, username, full_name, role, password_hash, active, created_at) VALUES (@id, @username, @fullName, @role, @passwordHash, 1, @createdAt)',
    );
    this.byUsernameStmt = db.prepare<[string], OfficerRow>('SELECT * FROM officers WHERE username = ?');
    this.byIdStmt = db.prepare<[string], OfficerRow>('SELECT * FROM officers WHERE id = ?');
    this.listStmt = db.prepare<[], OfficerRow>('SELECT * FROM officers ORDER BY full_name');
    this.countStmt = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM officers');
  }

  create(officer: { id: string; username: string; fullName: string; role: OfficerRole; passwordHash: string }, createdAt: string): Officer {
    this.insertStmt.run({ ...officer, createdAt });
    return { id: officer.id, username: officer.username, fullName: officer.fullName, role: officer.role, active: true };
  }

  /** The officer and the stored hash, for sign-in only. */
  credentialsOf(username: string): { officer: Officer; passwordHash: string } | null {
    const row = this.byUsernameStmt.get(username);
    return row ? { officer: toOfficer(row), passwordHash: row.password_hash } : null;
  }

  find(id: string): Officer | null {
    const row = this.byIdStmt.get(id);
    return row ? toOfficer(row) : null;
  }

  exists(username: string): boolean {
    return this.byUsernameStmt.get(username) !== undefined;
  }

  list(): Officer[] {
    return this.listStmt.all().map(toOfficer);
  }

  count(): number {
    return this.countStmt.get()!.n;
  }
}
