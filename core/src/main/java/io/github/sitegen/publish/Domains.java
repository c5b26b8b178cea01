package io.github.sitegen.publish;

import java.util.Locale;

import io.github.sitegen.problem.Problem;
import io.github.sitegen.problem.SiteGenException;

/** Checks the custom domain written to {@code CNAME}. */
public final class Domains {

    private Domains() {
    }

    /**
     * Returns the domain in lowercase, or empty when none is configured.
     *
     * @throws SiteGenException when it is not a bare host name such as {@code faq.example.org}
     */
    public static String checkCname(String configured) throws SiteGenException {
        String domain = configured == null ? "" : configured.strip().toLowerCase(Locale.ROOT);
        if (domain.isEmpty()) {
            return "";
        }
        boolean valid = domain.length() <= 253 && domain.contains(".")
                && domain.matches("([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]");
        if (!valid) {
            throw SiteGenException.of(Problem.error(null, 0, 0, "site-gen.cname: '" + configured
                    + "' is not a domain name", "give the host alone, such as faq.example.org, without https:// or a path"));
        }
        return domain;
    }
}
