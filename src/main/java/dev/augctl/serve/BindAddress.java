package dev.augctl.serve;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/** Where the dashboard listens: {@code [HOST:]PORT}, 127.0.0.1 when no host is given; port 0 picks a free one. */
public record BindAddress(String host, int port) {
    public static final String DEFAULT_HOST = "127.0.0.1";

    /** Parses {@code PORT}, {@code HOST:PORT} or {@code [IPv6]:PORT}; the message of the exception names the value. */
    public static BindAddress parse(String value) {
        String v = value == null ? "" : value.trim();
        int colon = v.lastIndexOf(':');
        String host = colon < 0 ? DEFAULT_HOST : v.substring(0, colon);
        String port = colon < 0 ? v : v.substring(colon + 1);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (host.isEmpty()) {
            throw new IllegalArgumentException("expected [HOST:]PORT, got '" + value + "' (no host before ':')");
        }
        int p;
        try {
            p = Integer.parseInt(port);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected [HOST:]PORT with a port from 0 to 65535, got '" + value + "'");
        }
        if (p < 0 || p > 65535) {
            throw new IllegalArgumentException("port must be from 0 to 65535, got " + p + " in '" + value + "'");
        }
        return new BindAddress(host, p);
    }

    InetSocketAddress socketAddress() throws UnknownHostException {
        return new InetSocketAddress(InetAddress.getByName(host), port);
    }

    /** Whether only this machine can connect. */
    boolean loopbackOnly() throws UnknownHostException {
        return InetAddress.getByName(host).isLoopbackAddress();
    }
}
