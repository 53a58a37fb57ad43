/**
 * Reads FHIR R4 Bulk Data NDJSON, one resource per line, with HAPI FHIR ({@code FhirContext.forR4Cached()},
 * one context per JVM, strict parser so a wrong type is an error rather than a silently dropped element) and maps
 * each resource to one case fragment. mCODE is read as other tools write it: TNM categories as separate
 * Observations or a stage group with {@code hasMember}, LOINC or SNOMED CT codes, AJCC edition from
 * {@code Observation.method}, sizes in mm or cm. A resource type the case does not use is skipped and counted;
 * an unknown code, a missing subject or a malformed value rejects the record with a reason naming it.
 */
package io.tumorboard.pipeline.fhir;
