package dev.augctl.serve;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dashboard page (one HTML file in the jar) and its Content-Security-Policy, which allows only
 * the page's own inline script and style (by hash) and requests to this server.
 */
record Page(byte[] html, String policy) {
    private static final String RESOURCE = "dashboard.html";
    private static final Pattern SCRIPT = Pattern.compile("<script>(.*?)</script>", Pattern.DOTALL);
    private static final Pattern STYLE = Pattern.compile("<style>(.*?)</style>", Pattern.DOTALL);

    static Page load() {
        try (InputStream in = Page.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the jar");
            }
            byte[] bytes = in.readAllBytes();
            String text = new String(bytes, StandardCharsets.UTF_8);
            String policy = "default-src 'none'; script-src " + hash(SCRIPT, text) + "; style-src " + hash(STYLE, text)
                    + "; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
            return new Page(bytes, policy);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String hash(Pattern element, String html) {
        Matcher m = element.matcher(html);
        if (!m.find()) {
            return "'none'";
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(m.group(1).getBytes(StandardCharsets.UTF_8));
            return "'sha256-" + Base64.getEncoder().encodeToString(digest) + "'";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
