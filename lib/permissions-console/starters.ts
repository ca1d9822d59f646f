/**
 * Starter models offered in an empty OPL editor. Each is an Ory Permission Language document (Ory docs,
 * "Permission Language" → examples) with sample relationships and a check they answer, tested in starters.test.ts.
 * Pure data: the console page hands them to the editor.
 */
export type StarterId = "documents" | "organizations" | "rbac";

export interface StarterModel {
  id: StarterId;
  opl: string;
  /** Relationships (Keto's tuple notation) that make `check` allowed. */
  sample: string[];
  check: string;
}

const header = `import { Namespace, SubjectSet, Context } from "@ory/keto-namespace-types"\n\nclass User implements Namespace {}\n`;

const documents = `${header}
class Group implements Namespace {
  related: {
    members: (User | SubjectSet<Group, "members">)[]
  }
}

class Folder implements Namespace {
  related: {
    parents: Folder[]
    owners: (User | SubjectSet<Group, "members">)[]
    editors: (User | SubjectSet<Group, "members">)[]
    viewers: (User | SubjectSet<Group, "members">)[]
  }

  permits = {
    edit: (ctx: Context): boolean =>
      this.related.owners.includes(ctx.subject) ||
      this.related.editors.includes(ctx.subject) ||
      this.related.parents.traverse((p) => p.permits.edit(ctx)),

    view: (ctx: Context): boolean =>
      this.related.viewers.includes(ctx.subject) ||
      this.permits.edit(ctx) ||
      this.related.parents.traverse((p) => p.permits.view(ctx)),
  }
}

class Document implements Namespace {
  related: {
    parents: Folder[]
    owners: (User | SubjectSet<Group, "members">)[]
    editors: (User | SubjectSet<Group, "members">)[]
    viewers: (User | SubjectSet<Group, "members">)[]
  }

  permits = {
    delete: (ctx: Context): boolean => this.related.owners.includes(ctx.subject),

    edit: (ctx: Context): boolean =>
      this.permits.delete(ctx) ||
      this.related.editors.includes(ctx.subject) ||
      this.related.parents.traverse((p) => p.permits.edit(ctx)),

    view: (ctx: Context): boolean =>
      this.related.viewers.includes(ctx.subject) ||
      this.permits.edit(ctx) ||
      this.related.parents.traverse((p) => p.permits.view(ctx)),
  }
}
`;

const organizations = `${header}
class Organization implements Namespace {
  related: {
    admins: User[]
    members: User[]
  }

  permits = {
    manage: (ctx: Context): boolean => this.related.admins.includes(ctx.subject),
    view: (ctx: Context): boolean =>
      this.related.members.includes(ctx.subject) || this.permits.manage(ctx),
  }
}

class Team implements Namespace {
  related: {
    organization: Organization[]
    maintainers: User[]
    members: (User | SubjectSet<Team, "members">)[]
  }

  permits = {
    manage: (ctx: Context): boolean =>
      this.related.maintainers.includes(ctx.subject) ||
      this.related.organization.traverse((o) => o.permits.manage(ctx)),
    view: (ctx: Context): boolean =>
      this.related.members.includes(ctx.subject) || this.permits.manage(ctx),
  }
}

class Project implements Namespace {
  related: {
    organization: Organization[]
    teams: SubjectSet<Team, "members">[]
  }

  permits = {
    manage: (ctx: Context): boolean => this.related.organization.traverse((o) => o.permits.manage(ctx)),
    view: (ctx: Context): boolean =>
      this.related.teams.includes(ctx.subject) || this.permits.manage(ctx),
  }
}
`;

const rbac = `${header}
class Role implements Namespace {
  related: {
    members: (User | SubjectSet<Role, "members">)[]
  }
}

class Resource implements Namespace {
  related: {
    admins: SubjectSet<Role, "members">[]
    writers: SubjectSet<Role, "members">[]
    readers: SubjectSet<Role, "members">[]
  }

  permits = {
    administer: (ctx: Context): boolean => this.related.admins.includes(ctx.subject),
    write: (ctx: Context): boolean =>
      this.related.writers.includes(ctx.subject) || this.permits.administer(ctx),
    read: (ctx: Context): boolean =>
      this.related.readers.includes(ctx.subject) || this.permits.write(ctx),
  }
}
`;

export const STARTER_MODELS: readonly StarterModel[] = [
  {
    id: "documents",
    opl: documents,
    sample: ["Group:engineering#members@alice", "Folder:handbook#viewers@Group:engineering#members", "Document:onboarding#parents@Folder:handbook"],
    check: "Document:onboarding#view@alice",
  },
  {
    id: "organizations",
    opl: organizations,
    sample: ["Organization:acme#admins@alice", "Team:platform#organization@Organization:acme", "Team:platform#members@bob"],
    check: "Team:platform#manage@alice",
  },
  {
    id: "rbac",
    opl: rbac,
    sample: ["Role:editor#members@alice", "Resource:reports#writers@Role:editor#members"],
    check: "Resource:reports#read@alice",
  },
];
