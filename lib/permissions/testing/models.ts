/** OPL documents used by tests and benchmarks: Keto's documented examples and a few edge cases. */

/** Keto's "files, folders and groups" example (Ory docs, Permission Language → examples). */
export const filesOpl = `import { Namespace, SubjectSet, Context } from "@ory/keto-namespace-types"

class User implements Namespace {}

class Group implements Namespace {
  related: {
    members: (User | Group)[]
  }
}

class Folder implements Namespace {
  related: {
    parents: (File | Folder)[]
    viewers: (User | SubjectSet<Group, "members">)[]
  }

  permits = {
    view: (ctx: Context): boolean =>
      this.related.viewers.includes(ctx.subject) ||
      this.related.parents.traverse((p) => p.permits.view(ctx)),
  }
}

class File implements Namespace {
  related: {
    parents: (File | Folder)[]
    viewers: (User | SubjectSet<Group, "members">)[]
    owners: (User | SubjectSet<Group, "members">)[]
  }

  permits = {
    view: (ctx: Context): boolean =>
      this.related.parents.traverse((p) => p.permits.view(ctx)) ||
      this.related.viewers.includes(ctx.subject) ||
      this.related.owners.includes(ctx.subject),

    edit: (ctx: Context) => this.related.owners.includes(ctx.subject),
  }
}
`;

/** A GitHub-like model: organizations, teams, repositories with role inheritance. */
export const githubOpl = `import { Namespace, SubjectSet, Context } from "@ory/keto-namespace-types"

class User implements Namespace {}

class Organization implements Namespace {
  related: {
    owners: User[]
    members: (User | SubjectSet<Team, "members">)[]
  }
  permits = {
    admin: (ctx: Context): boolean => this.related.owners.includes(ctx.subject),
    member: (ctx: Context): boolean => this.permits.admin(ctx) || this.related.members.includes(ctx.subject),
  }
}

class Team implements Namespace {
  related: {
    members: (User | SubjectSet<Team, "members">)[]
  }
}

class Repository implements Namespace {
  related: {
    owner: Organization[]
    admins: (User | SubjectSet<Team, "members">)[]
    maintainers: (User | SubjectSet<Team, "members">)[]
    writers: (User | SubjectSet<Team, "members">)[]
    readers: (User | SubjectSet<Team, "members">)[]
  }
  permits = {
    admin: (ctx: Context): boolean =>
      this.related.admins.includes(ctx.subject) || this.related.owner.traverse((o) => o.permits.admin(ctx)),
    maintain: (ctx: Context): boolean => this.permits.admin(ctx) || this.related.maintainers.includes(ctx.subject),
    push: (ctx: Context): boolean => this.permits.maintain(ctx) || this.related.writers.includes(ctx.subject),
    pull: (ctx: Context): boolean =>
      this.permits.push(ctx) || this.related.readers.includes(ctx.subject) || this.related.owner.traverse((o) => o.permits.member(ctx)),
  }
}
`;

/** Intersection and exclusion: viewers who are also employees, minus the banned. */
export const exclusionOpl = `class User implements Namespace {}
class Document implements Namespace {
  related: {
    viewers: User[]
    employees: User[]
    banned: User[]
  }
  permits = {
    view: (ctx: Context): boolean => this.related.viewers.includes(ctx.subject) && this.related.employees.includes(ctx.subject),
    read: (ctx: Context): boolean => this.related.viewers.includes(ctx.subject) && !this.related.banned.includes(ctx.subject),
    openness: (ctx: Context): boolean => !this.related.banned.includes(ctx.subject),
  }
}
`;
