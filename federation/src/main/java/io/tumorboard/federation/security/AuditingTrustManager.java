package io.tumorboard.federation.security;

import io.tumorboard.federation.audit.AuditEvent;
import io.tumorboard.federation.audit.AuditLog;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trusts client certificates issued by the federation CA and nothing else, and writes every certificate
 * it refuses (expired, or from another CA) to the audit log with the certificate's CN.
 */
final class AuditingTrustManager extends X509ExtendedTrustManager {

    private final X509ExtendedTrustManager pkix;
    private final AuditLog audit;

    AuditingTrustManager(X509Certificate ca, AuditLog audit) {
        this.audit = audit;
        try {
            KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
            ks.load(null, null);
            ks.setCertificateEntry("federation-ca", ca);
            TrustManagerFactory f = TrustManagerFactory.getInstance("PKIX");
            f.init(ks);
            X509ExtendedTrustManager found = null;
            for (TrustManager tm : f.getTrustManagers()) {
                if (tm instanceof X509ExtendedTrustManager x) {
                    found = x;
                }
            }
            if (found == null) {
                throw new IllegalStateException("the JDK's PKIX trust manager factory gave no X509 trust manager");
            }
            this.pkix = found;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot build the trust store of the federation CA", e);
        }
    }

    private void check(X509Certificate[] chain, String authType) throws CertificateException {
        String cn = chain.length == 0 ? "(no certificate)" : SiteIdentity.commonName(chain[0]);
        try {
            if (chain.length > 0) {
                chain[0].checkValidity();
            }
        } catch (CertificateExpiredException | CertificateNotYetValidException e) {
            audit.refused(AuditEvent.EXPIRED_CERTIFICATE, cn, 0, "certificate outside its validity period");
            throw new CertificateException("client certificate outside its validity period", e);
        }
        try {
            pkix.checkClientTrusted(chain, authType);
        } catch (CertificateException e) {
            audit.refused(AuditEvent.UNTRUSTED_CERTIFICATE, cn, 0, "certificate not issued by the federation CA");
            throw new CertificateException("client certificate not issued by the federation CA", e);
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        check(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        check(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        pkix.checkServerTrusted(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        pkix.checkServerTrusted(chain, authType, socket);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        pkix.checkServerTrusted(chain, authType, engine);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return pkix.getAcceptedIssuers();
    }
}
