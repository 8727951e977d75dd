package io.passthru.manager.journal;

import io.passthru.manager.error.InvalidRequestException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/**
 * Checks a libvirt URI read from an operation record before passthru connects to it: the record lives in a domain's
 * metadata and in a mirror file, which whoever can change the domain can write, and some libvirt URIs run programs.
 * Refused: the {@code ext} transport (runs the program named by {@code command=}), and the parameters that name a
 * program or a socket to use ({@code command}, {@code socket}, {@code netcat}, {@code proxy}) (libvirt docs
 * "uri.html", "Remote URI parameters").
 */
public final class RecordedUri {
    private static final Set<String> REFUSED_PARAMETERS = Set.of("command", "socket", "netcat", "proxy");

    private RecordedUri() {
    }

    /**
     * @return {@code uri}, when passthru may connect to it
     * @throws InvalidRequestException naming the URI and what in it is refused
     */
    public static String check(String uri, String what) {
        if (uri == null) {
            return null;
        }
        String refused = refusal(uri);
        if (refused != null) {
            throw new InvalidRequestException("the " + what + " URI in the operation record, '" + uri + "', "
                    + refused + ": passthru does not connect to it from a record; nothing was changed. Give the host "
                    + "with --source-uri or --destination-uri");
        }
        return uri;
    }

    /**
     * What in {@code uri} passthru refuses to hand to libvirt (not a URI, the {@code ext} transport, or a parameter
     * that names a program or a socket), or null when nothing is: the rule of {@link #check}, shared with the URIs
     * given on the command line that a libvirt daemon connects to ({@code migrate --p2p-uri}).
     */
    public static String refusal(String uri) {
        URI u;
        try {
            u = new URI(uri);
        } catch (URISyntaxException e) {
            return "is not a URI (" + e.getMessage() + ")";
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        int plus = scheme.indexOf('+');
        String transport = plus < 0 ? "" : scheme.substring(plus + 1);
        if (transport.equals("ext")) {
            return "uses the ext transport, which runs a program";
        }
        String query = u.getRawQuery();
        if (query != null) {
            for (String kv : query.split("&")) {
                String key = kv.split("=", 2)[0].toLowerCase(Locale.ROOT);
                if (REFUSED_PARAMETERS.contains(key)) {
                    return "sets '" + key + "=', which names a program or socket";
                }
            }
        }
        return null;
    }
}
