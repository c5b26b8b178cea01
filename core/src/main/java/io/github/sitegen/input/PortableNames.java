package io.github.sitegen.input;

import java.nio.file.Path;
import java.text.Normalizer;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Names that every platform can hold. A site built on Linux is checked out, built again and opened
 * on Windows and macOS, whose folders refuse names that Linux accepts:
 * <ul>
 * <li>Windows reserves the device names CON, PRN, AUX, NUL, CONIN$, CONOUT$, COM1 to COM9 and LPT1
 * to LPT9 (and COM¹, COM², COM³, LPT¹, LPT², LPT³), in any case and with any extension:
 * {@code con.png} is the console too;</li>
 * <li>Windows drops a dot or a space at the end of a name, so the file gets another name there;</li>
 * <li>Windows allows none of {@code < > : " | ? *} nor a control character in a name, and takes
 * {@code \} for a separator;</li>
 * <li>a folder on macOS or Windows ignores case (and, on macOS, how an accent is encoded), so
 * {@code Billing} and {@code billing} are one name there.</li>
 * </ul>
 */
public final class PortableNames {

    /**
     * Paths in the order of their file names' characters, the same on every platform ({@link Path}
     * sorts regardless of case on Windows).
     */
    public static final Comparator<Path> BY_NAME = Comparator.comparing(path -> path.getFileName().toString());

    private static final Set<String> DEVICES = Set.of("con", "prn", "aux", "nul", "conin$", "conout$");
    private static final String FORBIDDEN = "<>:\"|?*\\";

    private PortableNames() {
    }

    /** Why a file or folder named {@code name} (one segment of a path) cannot exist on every platform; empty when it can. */
    public static Optional<String> problem(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c == 0x7F) {
                return Optional.of(String.format(Locale.ROOT, "'%s' holds the control character U+%04X, which Windows"
                        + " does not allow in a name", name.replaceAll("\\p{Cntrl}", "?"), (int) c));
            }
            if (FORBIDDEN.indexOf(c) >= 0) {
                return Optional.of("'" + name + "' holds '" + c + "', which Windows does not allow in a name");
            }
        }
        if (name.endsWith(".") || name.endsWith(" ")) {
            return Optional.of("'" + name + "' ends in " + (name.endsWith(".") ? "a dot" : "a space")
                    + ", which Windows drops, so the name would change there");
        }
        if (isDevice(name)) {
            return Optional.of("'" + name + "' is a device name on Windows (CON, PRN, AUX, NUL, COM1 to COM9, LPT1"
                    + " to LPT9, with any extension), which no folder there can hold");
        }
        return Optional.empty();
    }

    /**
     * The path of {@code file} below {@code root}, its names joined by {@code /} whatever the
     * platform's separator. A {@code \} inside a name (Linux allows one) stays in the name, where
     * {@link #problem} finds it, rather than becoming a folder.
     */
    public static String relative(Path root, Path file) {
        StringJoiner path = new StringJoiner("/");
        root.relativize(file).forEach(name -> path.add(name.toString()));
        return path.toString();
    }

    /**
     * {@code path} as macOS and Windows compare names: accents composed one way and case folded.
     * Two paths with the same key are one path there.
     */
    public static String folded(String path) {
        String composed = Normalizer.normalize(path, Normalizer.Form.NFC);
        StringBuilder key = new StringBuilder(composed.length());
        composed.codePoints().forEach(cp -> key.appendCodePoint(Character.toLowerCase(Character.toUpperCase(cp))));
        return key.toString();
    }

    private static boolean isDevice(String name) {
        int dot = name.indexOf('.');
        String base = (dot < 0 ? name : name.substring(0, dot)).stripTrailing().toLowerCase(Locale.ROOT);
        if (DEVICES.contains(base)) {
            return true;
        }
        return base.length() == 4 && (base.startsWith("com") || base.startsWith("lpt"))
                && "123456789¹²³".indexOf(base.charAt(3)) >= 0;
    }

    /**
     * The relative paths ({@code /}-separated) written into one folder, checked as they are added:
     * each segment must be a name every platform holds, and no path may differ from another (or a
     * folder from another folder) only in case.
     */
    public static final class Folder {

        private final Map<String, String> byKey = new HashMap<>();

        /**
         * Adds {@code path}; returns why macOS or Windows could not hold it beside the paths added
         * before (it is then not added), or empty.
         */
        public Optional<String> add(String path) {
            String[] segments = path.split("/", -1);
            for (String segment : segments) {
                Optional<String> problem = problem(segment);
                if (problem.isPresent()) {
                    return problem;
                }
            }
            Optional<String> clash = clash(path);
            if (clash.isEmpty()) {
                for (int end = path.indexOf('/'); end > 0; end = path.indexOf('/', end + 1)) {
                    byKey.putIfAbsent(folded(path.substring(0, end)), path.substring(0, end));
                }
                byKey.putIfAbsent(folded(path), path);
            }
            return clash;
        }

        /** Why {@code path}, or one of its folders, is the same as an added one on macOS and Windows, or empty. */
        public Optional<String> clash(String path) {
            for (int end = path.indexOf('/'); ; end = path.indexOf('/', end + 1)) {
                String prefix = end < 0 ? path : path.substring(0, end);
                String known = byKey.get(folded(prefix));
                if (known != null && !known.equals(prefix)) {
                    return Optional.of("'" + prefix + "' and '" + known + "' differ only in case"
                            + (prefix.equalsIgnoreCase(known) ? "" : " or in how an accent is encoded")
                            + ": a folder on macOS or Windows holds only one of them");
                }
                if (end < 0) {
                    return Optional.empty();
                }
            }
        }
    }
}
