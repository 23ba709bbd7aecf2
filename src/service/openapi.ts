/**
 * GET /openapi.json: an OpenAPI 3.1 document built from the valibot schemas that check the requests
 * (schemas.ts), converted to JSON Schema 2020-12, the dialect OpenAPI 3.1 uses.
 */
import { toJsonSchema } from "@valibot/to-json-schema";
import type * as v from "valibot";
import { PYGEN_VERSION } from "../version.ts";
import {
  CodeResponseSchema,
  ErrorResponseSchema,
  GenerateRequestSchema,
  HealthSchema,
  JobAcceptedSchema,
  JobStatusSchema,
  ValidateRequestSchema,
  ValidationReportSchema,
  VersionSchema,
} from "./schemas.ts";

// `v.check` refinements (either inline or CDF) have no JSON Schema form; the descriptions say them in words.
const schema = (item: v.GenericSchema, typeMode: "input" | "output") =>
  toJsonSchema(item, { target: "draft-2020-12", errorMode: "ignore", typeMode });

const json = (ref: string) => ({ "application/json": { schema: { $ref: `#/components/schemas/${ref}` } } });
const error = (description: string) => ({ description, content: json("Error") });

const COMMON_ERRORS = {
  "401": error("Missing or unknown API key"),
  "429": error("Rate limit of the API key exceeded (Retry-After says when to retry)"),
};

export function openApiDocument(): Record<string, unknown> {
  const jobId = { name: "job_id", in: "path", required: true, schema: { type: "string" } };
  return {
    openapi: "3.1.0",
    info: {
      title: "pygen generation service",
      version: PYGEN_VERSION,
      description: "Generates typed SDKs from Cognite Data Fusion data models, on demand. Errors are {error: {code, message}}.",
    },
    components: {
      securitySchemes: { apiKey: { type: "http", scheme: "bearer", description: "An API key of the service (or the X-API-Key header)" } },
      schemas: {
        GenerateRequest: schema(GenerateRequestSchema, "input"),
        ValidateRequest: schema(ValidateRequestSchema, "input"),
        JobAccepted: schema(JobAcceptedSchema, "output"),
        JobStatus: schema(JobStatusSchema, "output"),
        Code: schema(CodeResponseSchema, "output"),
        ValidationReport: schema(ValidationReportSchema, "output"),
        Health: schema(HealthSchema, "output"),
        Version: schema(VersionSchema, "output"),
        Error: schema(ErrorResponseSchema, "output"),
      },
    },
    security: [{ apiKey: [] }],
    paths: {
      "/generate": {
        post: {
          summary: "Queue the generation of an SDK from an inline model or a model in CDF",
          requestBody: { required: true, content: json("GenerateRequest") },
          responses: {
            "202": { description: "Queued", content: json("JobAccepted") },
            "400": error("Bad JSON, a missing or wrong field, or a model that cannot be read"),
            "403": error("cdf_url or token_url not on the allowlist"),
            "413": error("Request body or model too large"),
            "502": error("CDF could not be reached or refused the credentials"),
            ...COMMON_ERRORS,
          },
        },
      },
      "/generate/{job_id}": {
        get: {
          summary: "A job's status, warnings, errors and download URL",
          parameters: [jobId],
          responses: { "200": { description: "The job", content: json("JobStatus") }, "404": error("No such job"), ...COMMON_ERRORS },
        },
      },
      "/generate/{job_id}/download": {
        get: {
          summary: "The generated SDK: a zip, a tar.gz, or the files as JSON (the job's output_format)",
          parameters: [jobId],
          responses: {
            "200": {
              description: "The SDK",
              content: {
                "application/zip": { schema: { type: "string", contentMediaType: "application/zip" } },
                "application/gzip": { schema: { type: "string", contentMediaType: "application/gzip" } },
                "application/json": { schema: { $ref: "#/components/schemas/Code" } },
              },
            },
            "404": error("No such job, or its result expired"),
            "409": error("The job has not completed"),
            ...COMMON_ERRORS,
          },
        },
      },
      "/validate": {
        post: {
          summary: "Validate an inline model and return the validator's report",
          requestBody: { required: true, content: json("ValidateRequest") },
          responses: {
            "200": { description: "The report", content: json("ValidationReport") },
            "400": error("Bad request"),
            ...COMMON_ERRORS,
          },
        },
      },
      "/health": {
        get: {
          summary: "Liveness and the queue backend's state",
          security: [],
          responses: {
            "200": { description: "Healthy", content: json("Health") },
            "503": { description: "The queue backend is down", content: json("Health") },
          },
        },
      },
      "/version": {
        get: {
          summary: "pygen's version and the languages it generates",
          security: [],
          responses: { "200": { description: "Version", content: json("Version") } },
        },
      },
      "/metrics": {
        get: {
          summary: "Prometheus metrics",
          security: [],
          responses: { "200": { description: "Text exposition format", content: { "text/plain": { schema: { type: "string" } } } } },
        },
      },
    },
  };
}
