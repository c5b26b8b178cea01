package io.github.sitegen.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import io.github.sitegen.theme.Theme;
import org.junit.jupiter.api.Test;

class ThemeAssetsTest {

    @Test
    void theBuiltInThemePublishesEveryFileOfItsAssetsFolder() throws Exception {
        Path folder = Path.of(System.getProperty("siteGen.repositoryRoot", "..")).resolve("templates/assets");
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(files.map(f -> "assets/" + f.getFileName()).sorted().toList(),
                    List.copyOf(Theme.builtIn().below("assets/").keySet()));
        }
    }

    @Test
    void theThemeShipsItsPageTemplatesInsideThePlugin() throws Exception {
        TemplateEngine engine = new TemplateEngine(Theme.builtIn());
        for (String template : List.of("layout.ftlh", "index.ftlh", "topic.ftlh", "404.ftlh")) {
            assertEquals(true, engine.exists(template), template);
        }
    }
}
