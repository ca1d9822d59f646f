import type { ErrorSink } from "./errors";
import type { ParsedClass } from "./parse";

/** Semantic checks Keto's OPL compiler performs: every name a namespace uses must be declared. */
export function validateModel(classes: ParsedClass[], sink: ErrorSink): void {
  const byName = new Map<string, ParsedClass>();
  for (const c of classes) {
    if (byName.has(c.name)) sink.at(c.node.name ?? c.node, `namespace ${c.name} is declared twice`);
    else byName.set(c.name, c);
  }
  const has = (ns: ParsedClass, name: string) => ns.relations.some((r) => r.name === name) || ns.permits.some((p) => p.name === name);

  for (const c of classes) {
    const seen = new Set<string>();
    for (const name of [...c.relations.map((r) => r.name), ...c.permits.map((p) => p.name)]) {
      if (seen.has(name)) sink.at(c.node.name ?? c.node, `${c.name}.${name} is declared more than once`);
      seen.add(name);
    }
    for (const relation of c.relations) {
      for (const type of relation.types) {
        const target = byName.get(type.namespace);
        if (!target) sink.at(c.node, `namespace ${type.namespace} (used by ${c.name}.${relation.name}) is not declared`);
        else if (type.relation && !has(target, type.relation)) {
          sink.at(c.node, `relation ${type.relation} of SubjectSet<${type.namespace}, "${type.relation}"> (used by ${c.name}.${relation.name}) is not declared`);
        }
      }
    }
    for (const permit of c.permits) {
      for (const ref of permit.references) {
        if (ref.computed === undefined) {
          if (!has(c, ref.relation)) sink.at(ref.node, `${c.name} declares no relation or permission named ${ref.relation}`);
          continue;
        }
        const traversed = c.relations.find((r) => r.name === ref.relation);
        if (!traversed) {
          sink.at(ref.node, `${c.name} declares no relation named ${ref.relation} to traverse`);
          continue;
        }
        for (const type of traversed.types) {
          const target = byName.get(type.namespace);
          if (target && !has(target, ref.computed)) sink.at(ref.node, `namespace ${type.namespace} (reached through ${c.name}.${ref.relation}) declares no ${ref.computed}`);
        }
      }
    }
  }
}
