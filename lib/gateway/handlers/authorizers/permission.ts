import { z } from "zod";
import { isAppError } from "@/lib/core/errors";
import { checkRelationship } from "@/lib/permissions/service/check";
import { subjectId, subjectSet, type Subject } from "@/lib/permissions/tuples";
import { compileTemplate } from "../../template";
import { defineHandler, templateString } from "../define";
import { forbiddenError } from "../../pipeline/errors";
import type { Authorizer } from "../../pipeline/types";
import { templateData } from "../template-data";

/**
 * `permission` (ours; Oathkeeper reaches Keto through `remote_json`): a check in this project's permission
 * engine, in process. Namespace, object, relation and subject are templates, e.g. object
 * `{{ printIndex .MatchContext.RegexpCaptureGroups 0 }}`; the subject defaults to the authenticated subject.
 * Check results are cached by lib/permissions, keyed by project and the whole question and invalidated by
 * every relationship write (its write sequence).
 */
export const permissionAuthorizer = defineHandler(
  "permission",
  z
    .object({
      namespace: templateString(512),
      object: templateString(1024),
      relation: templateString(512),
      subject: templateString(1024).default("{{ print .Subject }}"),
      subject_set: z.object({ namespace: templateString(512), object: templateString(1024), relation: templateString(512).default("") }).strict().optional(),
      max_depth: z.number().int().min(1).max(100).optional(),
    })
    .strict(),
  (config): Authorizer => {
    const namespace = compileTemplate(config.namespace);
    const object = compileTemplate(config.object);
    const relation = compileTemplate(config.relation);
    const subject = compileTemplate(config.subject);
    const set = config.subject_set && {
      namespace: compileTemplate(config.subject_set.namespace),
      object: compileTemplate(config.subject_set.object),
      relation: compileTemplate(config.subject_set.relation),
    };
    return async (ctx, session) => {
      const data = templateData(session, ctx.request);
      let who: Subject;
      if (set) who = subjectSet(set.namespace.render(data), set.object.render(data), set.relation.render(data));
      else {
        const id = subject.render(data);
        if (!id) throw forbiddenError("The permission check needs a subject, and the request has none.");
        who = subjectId(id);
      }
      const tuple = { namespace: namespace.render(data), object: object.render(data), relation: relation.render(data), subject: who };
      let allowed: boolean;
      try {
        const permissionCtx = { project: ctx.project, db: await ctx.db(), actor: { type: "gateway" } };
        ({ allowed } = await checkRelationship(permissionCtx, { tuple, maxDepth: config.max_depth }));
      } catch (error) {
        if (isAppError(error) && error.status < 500) throw forbiddenError(`The permission check is invalid: ${error.reason ?? error.message}`);
        throw error;
      }
      if (!allowed) throw forbiddenError(`${tuple.namespace}:${tuple.object}#${tuple.relation} is not granted.`);
    };
  },
);
