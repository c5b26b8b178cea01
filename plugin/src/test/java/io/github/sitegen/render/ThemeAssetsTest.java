package io.github.sitegen.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

class ThemeAssetsTest {

    @Test
    void assetsListNamesEveryFileOfTheThemesAssetsFolder() throws Exception {
        Path folder = Path.of(System.getProperty("siteGen.repositoryRoot", "..")).resolve("templates/assets");
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(files.map(f -> f.getFileName().toString()).sorted().toList(),
                    ThemeAssets.builtInNames().stream().sorted().toList());
        }
    }

    @Test
    void theThemeShipsItsPageTemplatesInsideThePlugin() throws Exception {
        TemplateEngine engine = new TemplateEngine(null);
        for (String template : List.of("layout.ftlh", "index.ftlh", "topic.ftlh", "404.ftlh")) {
            assertEquals(true, engine.exists(template), template);
        }
    }
}
