package io.github.sitegen.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class PortableNamesTest {

    @TempDir
    Path root;

    @Test
    void windowsDeviceNamesAreRefusedInAnyCaseAndWithAnyExtension() {
        for (String name : List.of("con", "CON", "Prn", "aux.css", "nul.tar.gz", "com1", "COM9.txt", "lpt1", "Lpt9.png",
                "com¹", "lpt³.js", "conin$", "CONOUT$.log", "nul .txt")) {
            assertTrue(PortableNames.problem(name).orElse("").contains("is a device name on Windows"), name);
        }
        for (String name : List.of("console", "icon", "com10", "com0", "lpt", "aux-faq", "nul-x.txt", "com1x", "connect.yaml")) {
            assertEquals(Optional.empty(), PortableNames.problem(name), name);
        }
    }

    @Test
    void namesEndingInADotOrASpaceAndWindowsForbiddenCharactersAreRefused() {
        assertEquals(Optional.of("'notes.' ends in a dot, which Windows drops, so the name would change there"),
                PortableNames.problem("notes."));
        assertEquals(Optional.of("'notes ' ends in a space, which Windows drops, so the name would change there"),
                PortableNames.problem("notes "));
        for (char c : "<>:\"|?*\\".toCharArray()) {
            assertEquals(Optional.of("'a" + c + "b.png' holds '" + c + "', which Windows does not allow in a name"),
                    PortableNames.problem("a" + c + "b.png"));
        }
        assertEquals(Optional.of("'a?b' holds the control character U+0001, which Windows does not allow in a name"),
                PortableNames.problem("a\u0001b"));
        assertEquals(Optional.empty(), PortableNames.problem("réponse d'été (2).pdf"));
    }

    @Test
    void pathsThatDifferOnlyInCaseOrInHowAnAccentIsEncodedAreOnePathOnMacOsAndWindows() {
        PortableNames.Folder folder = new PortableNames.Folder();
        assertEquals(Optional.empty(), folder.add("img/Logo.png"));
        assertEquals(Optional.empty(), folder.add("img/logo.svg"));
        assertEquals(Optional.empty(), folder.add("caf\u00e9/menu.pdf"));
        assertEquals(Optional.of("'img/logo.png' and 'img/Logo.png' differ only in case: a folder on macOS or Windows"
                + " holds only one of them"), folder.add("img/logo.png"));
        assertEquals(Optional.of("'IMG' and 'img' differ only in case: a folder on macOS or Windows holds only one of"
                + " them"), folder.add("IMG/other.png"));
        assertEquals(Optional.of("'cafe\u0301' and 'caf\u00e9' differ only in case or in how an accent is encoded: a folder"
                + " on macOS or Windows holds only one of them"), folder.clash("cafe\u0301"));
        assertEquals(Optional.empty(), folder.add("img/Logo.png"), "the same spelling is the same path");
        assertTrue(folder.add("docs/con.txt").orElse("").contains("'con.txt' is a device name on Windows"));
    }

    @Test
    void pathsSortByTheirNamesCharactersAsOnLinuxWhateverThePlatform() {
        List<Path> folders = new java.util.ArrayList<>(List.of(Path.of("de"), Path.of("EN"), Path.of("zh_CN"), Path.of("pt-BR")));
        folders.sort(PortableNames.BY_NAME);
        assertEquals(List.of("EN", "de", "pt-BR", "zh_CN"), folders.stream().map(Path::toString).toList());
    }

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "Windows takes the backslash for a separator")
    void aRelativePathIsJoinedBySlashesAndABackslashInANameStaysInTheName() throws Exception {
        Path file = root.resolve("img").resolve("a\\b.png");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "x");
        String relative = PortableNames.relative(root, file);
        assertEquals("img/a\\b.png", relative);
        assertEquals(Optional.of("'a\\b.png' holds '\\', which Windows does not allow in a name"),
                new PortableNames.Folder().add(relative));
    }
}
