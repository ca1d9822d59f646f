export { dispatch, isMachinePath } from "./dispatch";
export { toApiRequest, writeApiResponse } from "./node-adapter";
export { fromWebRequest, toWebResponse } from "./web-adapter";
export type { ApiRequest, ApiResponse, Handler, RouteDefinition } from "./types";
