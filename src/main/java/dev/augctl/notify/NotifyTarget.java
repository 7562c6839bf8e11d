package dev.augctl.notify;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Where a notification goes, from its URL's scheme: {@code https://…} gets a generic JSON body,
 * {@code slack+https://…} a Slack incoming-webhook body, {@code ntfy+https://host/topic} ntfy's
 * plain text. The {@code http} forms are accepted for endpoints on a trusted network.
 * URLs hold tokens: {@link #toString()} is the redacted form, the only one augctl prints or records.
 */
public record NotifyTarget(Format format, URI endpoint, String redacted) {
    /** The body a target gets. */
    public enum Format { JSON, SLACK, NTFY }

    /** Parses a URL; the message of the exception names the redacted value and what is wrong. */
    public static NotifyTarget parse(String url) {
        String value = url == null ? "" : url.trim();
        int colon = value.indexOf("://");
        String scheme = colon < 0 ? "" : value.substring(0, colon).toLowerCase(Locale.ROOT);
        Format format;
        String transport;
        switch (scheme) {
            case "https", "http" -> { format = Format.JSON; transport = scheme; }
            case "slack+https", "slack+http" -> { format = Format.SLACK; transport = scheme.substring(6); }
            case "ntfy+https", "ntfy+http" -> { format = Format.NTFY; transport = scheme.substring(5); }
            default -> throw new IllegalArgumentException("'" + redact(value) + "' is not a notification URL: "
                    + "use https://… (JSON), slack+https://… (Slack webhook) or ntfy+https://host/topic (ntfy)");
        }
        URI endpoint;
        try {
            endpoint = new URI(transport + value.substring(colon));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + redact(value) + "' is not a valid URL: " + e.getReason());
        }
        if (endpoint.getHost() == null || endpoint.getHost().isEmpty()) {
            throw new IllegalArgumentException("'" + redact(value) + "' has no host");
        }
        if (format == Format.NTFY && (endpoint.getPath() == null || endpoint.getPath().length() < 2)) {
            throw new IllegalArgumentException("'" + redact(value) + "' names no topic: use ntfy+https://host/topic");
        }
        return new NotifyTarget(format, endpoint, redact(value));
    }

    /**
     * A URL with everything that may be a secret left out: user info, path, query and fragment
     * ({@code slack+https://hooks.slack.com/***}).
     */
    public static String redact(String url) {
        if (url == null) {
            return null;
        }
        int colon = url.indexOf("://");
        if (colon < 0) {
            return "***";
        }
        String rest = url.substring(colon + 3);
        int end = rest.length();
        for (char c : new char[] {'/', '?', '#'}) {
            int i = rest.indexOf(c);
            if (i >= 0 && i < end) {
                end = i;
            }
        }
        String authority = rest.substring(0, end);
        int at = authority.lastIndexOf('@');
        String host = at >= 0 ? authority.substring(at + 1) : authority;
        return url.substring(0, colon) + "://" + host + (end < rest.length() || at >= 0 ? "/***" : "");
    }

    @Override
    public String toString() {
        return redacted;
    }
}
