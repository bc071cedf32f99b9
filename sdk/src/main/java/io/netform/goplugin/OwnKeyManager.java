package io.netform.goplugin;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.function.Supplier;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * Presents our one AutoMTLS certificate, from memory. A key store would do the same after
 * encrypting the key with a slow password-based cipher, which costs a plugin start-up time.
 */
final class OwnKeyManager extends X509ExtendedKeyManager {

    private static final String ALIAS = "netform-plugin";

    /** Our keys are elliptic-curve keys. */
    private static final String KEY_TYPE = "EC";

    private final Supplier<PluginCertificate> own;

    /** @param own our certificate; asked for only during a handshake, so it may still be in the making */
    OwnKeyManager(Supplier<PluginCertificate> own) {
        this.own = own;
    }

    private String aliasFor(String keyType) {
        return KEY_TYPE.equals(keyType) ? ALIAS : null;
    }

    private String aliasForAny(String[] keyTypes) {
        if (keyTypes != null) {
            for (String keyType : keyTypes) {
                if (aliasFor(keyType) != null) {
                    return ALIAS;
                }
            }
        }
        return null;
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return aliasFor(keyType) == null ? null : new String[] {ALIAS};
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        return getClientAliases(keyType, issuers);
    }

    @Override
    public String chooseClientAlias(String[] keyTypes, Principal[] issuers, Socket socket) {
        return aliasForAny(keyTypes);
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        return aliasFor(keyType);
    }

    @Override
    public String chooseEngineClientAlias(String[] keyTypes, Principal[] issuers, SSLEngine engine) {
        return aliasForAny(keyTypes);
    }

    @Override
    public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
        return aliasFor(keyType);
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        return ALIAS.equals(alias) ? new X509Certificate[] {own.get().certificate()} : null;
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        return ALIAS.equals(alias) ? own.get().privateKey() : null;
    }
}
