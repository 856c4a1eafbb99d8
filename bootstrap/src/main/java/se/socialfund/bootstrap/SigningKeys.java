package se.socialfund.bootstrap;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * The local default's token signing key: an RSA key pair created on first start in the data directory. The service
 * trusts the public half; the token command signs with the private half. Production trusts an OIDC provider
 * instead and never reads these files.
 */
public final class SigningKeys {
    public static final String ISSUER = "urn:socialfund:local";
    public static final String AUDIENCE = "socialfund-api";
    static final String PRIVATE = "signing-key.pem";
    static final String PUBLIC = "signing-key.pub.pem";

    private SigningKeys() {
    }

    /** Creates the key pair in the directory unless it is there already. */
    public static void ensure(Path dir) {
        try {
            if (Files.exists(dir.resolve(PRIVATE)) && Files.exists(dir.resolve(PUBLIC))) {
                return;
            }
            Files.createDirectories(dir);
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Path privateFile = dir.resolve(PRIVATE);
            Files.writeString(privateFile, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            try {
                Files.setPosixFilePermissions(privateFile, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the directory's own protection applies
            }
            Files.writeString(dir.resolve(PUBLIC), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot create the local signing key in " + dir, e);
        }
    }

    /** The public key as the base64 text that {@code quarkus.oidc.public-key} takes. */
    public static String publicKeyText(Path dir) {
        return body(read(dir.resolve(PUBLIC)));
    }

    public static PrivateKey privateKey(Path dir) {
        try {
            byte[] der = Base64.getMimeDecoder().decode(body(read(dir.resolve(PRIVATE))));
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the signing key in " + dir + " cannot be read", e);
        }
    }

    public static PublicKey publicKey(Path dir) {
        try {
            byte[] der = Base64.getMimeDecoder().decode(publicKeyText(dir));
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the public key in " + dir + " cannot be read", e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException("no signing key at " + file + "; start the service once to create it", e);
        }
    }

    private static String body(String pem) {
        return pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[]{'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
