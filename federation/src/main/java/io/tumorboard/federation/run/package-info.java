/**
 * The vocabulary both sides of a federated run share: the run's configuration and its digest (what a
 * site approves), the strategies, the tasks a coordinator hands out and the report a site sends back.
 * These are domain types; the generated protobuf classes are mapped to them in one place, the transport
 * package, and never leak past it.
 */
package io.tumorboard.federation.run;
