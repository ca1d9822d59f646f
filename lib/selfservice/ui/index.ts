export * from "./types";
export { groupNodes, onlyGroups, hasFillableInput, keepNativeRequired, type GroupedNodes, type NodeSection } from "./group";
export { inputView, autocompleteFor, domId, type InputView, type InputViewOptions } from "./attributes";
export { translateUiText, nodeLabel, messageArguments, contextValues, type MessageCatalog } from "./translate";
export { messageTone, messageRole } from "./tone";
export { selfServiceBrowserPath, hostedPagePath, forwardedQuery } from "./paths";
export { primarySubmits } from "./primary";
export { inputNode, textNode, anchorNode, csrfNode, nodeName, setNodeValue, addNodeMessage, clearMessages, type InputOptions } from "./nodes";
export { text } from "./text";
