import type { Officer, OfficerRole } from '../../../shared/contract/setup.js';
import type { DeskDatabase } from '../db/open-database.js';

interface OfficerRow {
  id: string;
  username: string;
  full_name: string;
  role: OfficerRole;
  active: number;
  password_hash: string;
  must_change_password: number;
}

const toOfficer = (row: OfficerRow): Officer => ({
  id: row.id,
  username: row.username,
  fullName: row.full_name,
  role: row.role,
  active: row.active === 1,
  mustChangePassword: row.must_change_password === 1,
});

export class OfficerRepository {
  private readonly insertStmt;
  private readonly byUsernameStmt;
  private readonly byIdStmt;
  private readonly listStmt;
  private readonly countStmt;
  private readonly activeSupervisorsStmt;
  private readonly setPasswordStmt;
  private readonly setActiveStmt;

  constructor(db: DeskDatabase) {
    this.insertStmt = db.prepare(
      'INSERT INTO officers (id, username, full_name, role, password_hash, active, must_change_password, created_at) VALUES (@id, @username, @fullName, @role, @passwordHash, 1, @mustChange, @createdAt)',
    );
    this.byUsernameStmt = db.prepare<[string], OfficerRow>('SELECT * FROM officers WHERE username = ?');
    this.byIdStmt = db.prepare<[string], OfficerRow>('SELECT * FROM officers WHERE id = ?');
    this.listStmt = db.prepare<[], OfficerRow>('SELECT * FROM officers ORDER BY full_name');
    this.countStmt = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM officers');
    this.activeSupervisorsStmt = db.prepare<[], { n: number }>("SELECT count(*) AS n FROM officers WHERE role = 'supervisor' AND active = 1");
    this.setPasswordStmt = db.prepare<[string, number, string]>('UPDATE officers SET password_hash = ?, must_change_password = ? WHERE id = ?');
    this.setActiveStmt = db.prepare<[number, string]>('UPDATE officers SET active = ? WHERE id = ?');
  }

  create(officer: { id: string; username: string; fullName: string; role: OfficerRole; passwordHash: string; mustChangePassword?: boolean }, createdAt: string): Officer {
    const mustChangePassword = officer.mustChangePassword ?? false;
    this.insertStmt.run({ id: officer.id, username: officer.username, fullName: officer.fullName, role: officer.role, passwordHash: officer.passwordHash, mustChange: mustChangePassword ? 1 : 0, createdAt });
    return { id: officer.id, username: officer.username, fullName: officer.fullName, role: officer.role, active: true, mustChangePassword };
  }

  /** Replaces the password hash; `mustChange` when someone other than the officer chose it. */
  setPassword(id: string, passwordHash: string, mustChange: boolean): void {
    this.setPasswordStmt.run(passwordHash, mustChange ? 1 : 0, id);
  }

  setActive(id: string, active: boolean): void {
    this.setActiveStmt.run(active ? 1 : 0, id);
  }

  /** Active supervisors: the desk keeps at least one, or nobody could manage it any more. */
  activeSupervisorCount(): number {
    return this.activeSupervisorsStmt.get()!.n;
  }

  /** The officer and the stored hash, for sign-in only. */
  credentialsOf(username: string): { officer: Officer; passwordHash: string } | null {
    const row = this.byUsernameStmt.get(username);
    return row ? { officer: toOfficer(row), passwordHash: row.password_hash } : null;
  }

  /** The stored hash of an officer, to check their current password before a change. */
  passwordHashOf(id: string): string | null {
    return this.byIdStmt.get(id)?.password_hash ?? null;
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
