/**
 * Mutual TLS for the federation: a small private CA (BouncyCastle) that issues the coordinator's and
 * each site's certificates, the server and client TLS contexts, the interceptor that turns a verified
 * certificate's CN into the calling site's identity, and the hooks that write every refused handshake
 * (no TLS, certificate from another CA, expired certificate) to the audit log. BouncyCastle is used only to
 * issue and write certificates ({@code CertificateAuthority}, {@code CaPemFiles}); running nodes read their PEM
 * files with the JDK ({@code JdkPemFiles}) and never load it for TLS.
 */
package io.tumorboard.federation.security;
