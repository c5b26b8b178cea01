package io.github.sitegen.markdown;

import java.util.Locale;
import java.util.function.UnaryOperator;

import org.jsoup.parser.Parser;

/**
 * Rewrites the {@code href} and {@code src} attributes of HTML that site-gen wrote (rendered
 * answers, the footer) without parsing it into a tree: it reads tag by tag, where text cannot hide
 * a tag (a {@code <} in text is always written {@code &lt;}), skips comments, scripts and styles,
 * and changes only the attribute values whose URL changes, so the rest stays byte for byte as it
 * was. On the page with every question this reads every answer of the site once more; a parse
 * would cost more than the rest of that page.
 */
final class UrlAttributes {

    private UrlAttributes() {
    }

    static String rewrite(String html, UnaryOperator<String> urls) {
        StringBuilder out = null;
        int copied = 0;
        int n = html.length();
        int at = html.indexOf('<');
        while (at >= 0 && at < n) {
            if (html.startsWith("<!--", at)) {
                int end = html.indexOf("-->", at + 4);
                at = end < 0 ? n : html.indexOf('<', end + 3);
                continue;
            }
            int k = at + 1;
            if (k >= n || !isLetter(html.charAt(k))) {
                at = html.indexOf('<', k);
                continue;
            }
            while (k < n && !isSpace(html.charAt(k)) && html.charAt(k) != '>' && html.charAt(k) != '/') {
                k++;
            }
            String tag = html.substring(at + 1, k).toLowerCase(Locale.ROOT);
            while (k < n) {
                while (k < n && (isSpace(html.charAt(k)) || html.charAt(k) == '/')) {
                    k++;
                }
                if (k >= n || html.charAt(k) == '>') {
                    k++;
                    break;
                }
                int nameStart = k;
                while (k < n && !isSpace(html.charAt(k)) && "=>/".indexOf(html.charAt(k)) < 0) {
                    k++;
                }
                String name = html.substring(nameStart, k);
                while (k < n && isSpace(html.charAt(k))) {
                    k++;
                }
                if (k >= n || html.charAt(k) != '=') {
                    continue;
                }
                k++;
                while (k < n && isSpace(html.charAt(k))) {
                    k++;
                }
                int valueStart;
                int valueEnd;
                char quote = k < n ? html.charAt(k) : ' ';
                if (quote == '"' || quote == '\'') {
                    valueStart = k + 1;
                    valueEnd = html.indexOf(quote, valueStart);
                    valueEnd = valueEnd < 0 ? n : valueEnd;
                    k = Math.min(n, valueEnd + 1);
                } else {
                    valueStart = k;
                    while (k < n && !isSpace(html.charAt(k)) && html.charAt(k) != '>') {
                        k++;
                    }
                    valueEnd = k;
                }
                if (name.equalsIgnoreCase("href") || name.equalsIgnoreCase("src")) {
                    String url = Parser.unescapeEntities(html.substring(valueStart, valueEnd), true);
                    String changed = urls.apply(url);
                    if (!changed.equals(url)) {
                        out = out == null ? new StringBuilder(html.length() + 64) : out;
                        boolean quoted = quote == '"' || quote == '\'';
                        out.append(html, copied, quoted ? valueStart - 1 : valueStart).append('"').append(escape(changed)).append('"');
                        copied = quoted ? Math.min(n, valueEnd + 1) : valueEnd;
                    }
                }
            }
            at = tag.equals("script") || tag.equals("style") ? endOfRawText(html, k, tag) : html.indexOf('<', Math.min(k, n));
        }
        return out == null ? html : out.append(html, copied, n).toString();
    }

    /** Where the element whose text is not HTML ends: its end tag, or the end. */
    private static int endOfRawText(String html, int from, String tag) {
        int end = html.toLowerCase(Locale.ROOT).indexOf("</" + tag, from);
        return end < 0 ? -1 : end;
    }

    private static String escape(String value) {
        return value.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static boolean isLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    }
}
