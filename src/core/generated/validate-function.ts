/** The shape of an ajv standalone validator, without importing ajv's compiler into the core. */
export interface ValidationErrorObject {
  keyword: string;
  instancePath: string;
  schemaPath: string;
  params: Record<string, unknown>;
  message?: string;
  /** The value the error is about, from validators generated with ajv's `verbose` (schemas/cds-*). */
  data?: unknown;
}

export interface ValidateFunction {
  (data: unknown): boolean;
  errors?: ValidationErrorObject[] | null;
}
