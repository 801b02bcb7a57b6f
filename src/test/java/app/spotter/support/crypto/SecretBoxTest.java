package app.spotter.support.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class SecretBoxTest {

    private static SecretBox box() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return new SecretBox(new SecretKeySpec(key, "AES"));
    }

    @Test
    void aSealedSecretOpensWithTheSameKeyAndOwner() {
        SecretBox box = box();
        byte[] sealed = box.seal("abcd-efgh-ijkl-mnop", "trainer-1");
        assertThat(box.open(sealed, "trainer-1")).isEqualTo("abcd-efgh-ijkl-mnop");
    }

    @Test
    void theCiphertextNeverContainsThePlaintextAndDiffersEveryTime() {
        SecretBox box = box();
        byte[] a = box.seal("abcd-efgh-ijkl-mnop", "t");
        byte[] b = box.seal("abcd-efgh-ijkl-mnop", "t");
        assertThat(new String(a, StandardCharsets.ISO_8859_1)).doesNotContain("abcd");
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void aSecretCopiedToAnotherTrainersRowDoesNotOpen() {
        SecretBox box = box();
        byte[] sealed = box.seal("secret", "trainer-1");
        assertThatThrownBy(() -> box.open(sealed, "trainer-2")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aTamperedCiphertextDoesNotOpen() {
        SecretBox box = box();
        byte[] sealed = box.seal("secret", "t");
        sealed[sealed.length - 1] ^= 1;
        assertThatThrownBy(() -> box.open(sealed, "t")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anotherKeyCannotOpenIt() {
        byte[] sealed = box().seal("secret", "t");
        assertThatThrownBy(() -> box().open(sealed, "t")).isInstanceOf(IllegalStateException.class);
    }
}
