package io.github.sitegen.fml;

import java.util.ArrayList;
import java.util.List;

/** Preformatted text as code: blank lines at the ends and the common indentation removed. */
final class CodeText {

    private CodeText() {
    }

    /**
     * The lines of {@code text} without the blank lines at the start and end, trailing whitespace,
     * or the indentation all lines share. A first line that starts right after the opening tag
     * (so has no indentation of its own) does not count for the shared indentation.
     */
    static String dedent(String text) {
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            lines.add(line.stripTrailing());
        }
        boolean firstOnTagLine = !lines.isEmpty() && !lines.get(0).isEmpty();
        while (!lines.isEmpty() && lines.get(0).isEmpty()) {
            lines.remove(0);
            firstOnTagLine = false;
        }
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        if (lines.isEmpty()) {
            return "";
        }
        String common = null;
        for (int i = firstOnTagLine && lines.size() > 1 ? 1 : 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isEmpty()) {
                continue;
            }
            String indent = line.substring(0, line.length() - line.stripLeading().length());
            common = common == null ? indent : commonPrefix(common, indent);
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (i > 0) {
                out.append('\n');
            }
            if (i == 0 && firstOnTagLine) {
                out.append(line.stripLeading());
            } else {
                out.append(common != null && line.startsWith(common) ? line.substring(common.length()) : line);
            }
        }
        return out.toString();
    }

    /** A fenced code block for {@code code} (already dedented), with a fence longer than any backtick run inside. */
    static String fenced(String code) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < code.length(); i++) {
            run = code.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = "`".repeat(Math.max(3, longest + 1));
        return fence + "\n" + code + "\n" + fence;
    }

    private static String commonPrefix(String a, String b) {
        int n = 0;
        while (n < a.length() && n < b.length() && a.charAt(n) == b.charAt(n)) {
            n++;
        }
        return a.substring(0, n);
    }
}
