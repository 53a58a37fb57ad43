/**
 * The gRPC edge of the federation: the coordinator's service and server, the site's client, and the one
 * mapper between generated protobuf types and domain types. Generated classes (io.tumorboard.federation.v1)
 * are used here and nowhere else; the coordinator and site packages see only domain types.
 */
package io.tumorboard.federation.transport;
