/**
 * What a run reports while it trains: per-round, per-site metrics as JSON lines and as Prometheus
 * metrics (Micrometer) served on an HTTP /metrics endpoint, so federated evaluation can be watched and
 * scraped without reading the coordinator's logs.
 */
package io.tumorboard.federation.metrics;
