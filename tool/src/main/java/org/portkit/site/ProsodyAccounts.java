package org.portkit.site;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * prosody's internal_hashed accounts: SCRAM-SHA-1 keys in {@code DATA/HOST/accounts/USER.dat},
 * a Lua table, as {@code prosodyctl register} writes them. The verifier checks a daemon's
 * password against them without ever storing the password in prosody's data.
 */
public final class ProsodyAccounts {
    /** prosody's own default. */
    static final int ITERATIONS = 10000;

    /** The stored form of one account. */
    public record Account(String salt, int iterations, String storedKey, String serverKey) {
        /** Does {@code password} log in to this account? */
        public boolean accepts(String password) {
            return equals(derive(password, salt, iterations));
        }

        public String lua() {
            return "return {\n\t[\"iteration_count\"] = " + iterations + ";\n\t[\"salt\"] = \"" + salt
                    + "\";\n\t[\"server_key\"] = \"" + serverKey + "\";\n\t[\"stored_key\"] = \"" + storedKey + "\";\n};\n";
        }
    }

    private ProsodyAccounts() {}

    /** A new account for {@code password}, with a random salt as prosody makes them. */
    public static Account create(String password) {
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        return derive(password, UUID.nameUUIDFromBytes(random).toString(), ITERATIONS);
    }

    /** Where prosody keeps {@code user}'s account of {@code host}, relative to its data_path. */
    public static String path(String host, String user) {
        return store(host, "accounts", user);
    }

    /** Where prosody's internal storage keeps {@code user}'s {@code store} (accounts, roster, ...). */
    static String store(String host, String store, String user) {
        return encode(host) + "/" + store + "/" + encode(user) + ".dat";
    }

    /** prosody's file-name encoding: everything but letters, digits and '_' as %xx. */
    static String encode(String name) {
        StringBuilder out = new StringBuilder();
        for (char c : name.toCharArray()) {
            if (Character.isLetterOrDigit(c) || c == '_') {
                out.append(c);
            } else {
                out.append(String.format("%%%02x", (int) c));
            }
        }
        return out.toString();
    }

    static Account derive(String password, String salt, int iterations) {
        try {
            byte[] salted = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA1").generateSecret(
                    new PBEKeySpec(password.toCharArray(), salt.getBytes(StandardCharsets.UTF_8), iterations, 160)).getEncoded();
            byte[] clientKey = hmac(salted, "Client Key");
            byte[] storedKey = MessageDigest.getInstance("SHA-1").digest(clientKey);
            byte[] serverKey = hmac(salted, "Server Key");
            return new Account(salt, iterations, HexFormat.of().formatHex(storedKey), HexFormat.of().formatHex(serverKey));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SCRAM-SHA-1 needs PBKDF2WithHmacSHA1 and HmacSHA1", e);
        }
    }

    private static byte[] hmac(byte[] key, String text) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(key, "HmacSHA1"));
        return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
    }
}
