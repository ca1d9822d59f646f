/** Permissions (Keto): the module's public face. See lib/permissions/README.md for the design. */
export { permissionSettings, withOpl, oplLocation, DEFAULT_MAX_READ_DEPTH, PLATFORM_MAX_READ_DEPTH, type PermissionSettings } from "./config";
export { parseOpl, type OplParseResult } from "./opl/parse";
export type { NamespaceModel, OplError, Rewrite } from "./opl/ast";
export { checkRelationship, type CheckRequest, type CheckResult } from "./service/check";
export { changeRelationships, type RelationshipChange, type TupleFilter } from "./service/writes";
export { queryRelationships, type TuplePage } from "./service/reads";
export { expandRelationship, listObjectsFor, listSubjectsOf } from "./service/graph";
export type { PermissionContext } from "./service/context";
export { CONSISTENCY_HEADER, encodeToken, decodeToken } from "./consistency";
export { parseTupleString, parseSubject } from "./tuple-string";
export { formatSubject, formatTuple, type RelationTuple, type Subject, type SubjectSet, type Userset } from "./tuples";
