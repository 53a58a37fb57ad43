/**
 * What a site's operations team watches: the workbench's own gauges (cases, dead letters, unsigned decisions)
 * beside Spring Boot's HTTP, JVM and connection-pool metrics, on the loopback management port.
 */
package io.tumorboard.board.monitoring;
