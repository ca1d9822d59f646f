/** A template that cannot be parsed (rule-write time) or evaluated (request time). */
export class TemplateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TemplateError";
  }
}
