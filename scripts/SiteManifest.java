import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.StringJoiner;
import java.util.stream.Stream;

/**
 * Writes the manifest of a folder: one line per file, its SHA-256 and its path below the folder
 * ({@code /}-separated on every platform), in path order, LF line endings, UTF-8. Two folders
 * hold the same bytes under the same names exactly when their manifests are equal, so CI compares
 * the sites built on Linux, macOS and Windows by their manifests (docs/compatibility.md).
 *
 * <pre>java scripts/SiteManifest.java &lt;folder&gt; &lt;manifest file&gt;</pre>
 */
public class SiteManifest {

    public static void main(String[] args) throws IOException, NoSuchAlgorithmException {
        Path root = Path.of(args[0]);
        List<String[]> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                StringJoiner path = new StringJoiner("/");
                root.relativize(file).forEach(name -> path.add(name.toString()));
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
                files.add(new String[] {path.toString(), HexFormat.of().formatHex(digest)});
            }
        }
        files.sort((a, b) -> a[0].compareTo(b[0]));
        StringBuilder manifest = new StringBuilder();
        for (String[] file : files) {
            manifest.append(file[1]).append("  ").append(file[0]).append('\n');
        }
        Files.writeString(Path.of(args[1]), manifest, StandardCharsets.UTF_8);
        System.out.println(files.size() + " files in " + root + ", manifest " + args[1]);
    }
}
