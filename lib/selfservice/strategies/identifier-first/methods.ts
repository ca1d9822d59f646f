import { servesAal } from "../../flows/login/strategy";
import type { MethodId } from "../../flows/strategy";
import type { FlowContext } from "../../flows/types";
import { projectStrategies } from "../index";

/** The project's enabled first-factor login methods besides identifier-first itself. */
export const firstFactorIds = (ctx: FlowContext): MethodId[] =>
  projectStrategies(ctx).login.filter((strategy) => strategy.id !== "identifier_first" && servesAal(strategy, "aal1")).map((strategy) => strategy.id);

/** The methods a new account gets at registration. */
export const registrationIds = (ctx: FlowContext): MethodId[] => projectStrategies(ctx).registration.map((strategy) => strategy.id);
